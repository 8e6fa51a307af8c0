// A deterministic ustar writer and a reader for what it writes: regular files only, sorted
// paths, mode 0644, owner 0, mtime 0. The same files always give the same bytes, which a
// general tar tool (with the host's clock and user ids) would not.

const BLOCK = 512;

/** Packs files (path -> bytes) into a tar; paths up to 100 bytes. */
export function packTar(files: Map<string, Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const name of [...files.keys()].sort()) {
    const data = files.get(name)!;
    parts.push(header(name, data.length), data, Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`Path too long for the archive: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write('00000000000\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0' + '00', 257, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

/** Reads the regular files of a tar (ustar or plain); other entry types are skipped. */
export function unpackTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const h = tar.subarray(offset, offset + BLOCK);
    if (h.every((b) => b === 0)) break;
    const name = cString(h, 0, 100);
    const prefix = h.subarray(257, 263).toString('ascii').startsWith('ustar') ? cString(h, 345, 155) : '';
    const size = parseInt(cString(h, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(h[156]!);
    offset += BLOCK;
    if (type === '0' || type === '\0')
      files.set(prefix ? `${prefix}/${name}` : name, Buffer.from(tar.subarray(offset, offset + size)));
    offset += Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? length : end).toString('utf8');
}
