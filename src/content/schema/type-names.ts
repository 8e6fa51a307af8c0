// Names and literals for generated TypeScript (`ghee types generate`).

/**
 * Global type names a generated interface must never take: shadowing `Array` or `Record` would
 * break the file itself, shadowing `Date` the user's code that imports it.
 */
const GLOBALS = [
  'Array',
  'ReadonlyArray',
  'Record',
  'Partial',
  'Required',
  'Readonly',
  'Pick',
  'Omit',
  'Exclude',
  'Extract',
  'NonNullable',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'BigInt',
  'Function',
  'Date',
  'RegExp',
  'Error',
  'Promise',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'JSON',
  'Math',
  'Intl',
  'URL',
  'Request',
  'Response',
  'Headers',
  'Event',
  'Element',
  'Node',
  'Document',
  'Window',
  'File',
  'Blob',
  'Image',
  'Text',
  'Comment',
  'Location',
  'History',
  'Storage',
  'Iterator',
  'Generator',
];

/** `landing_page` / `landing-page` -> `LandingPage`; a leading digit (`404`) gets a `Page` prefix. */
export function pascalCase(key: string): string {
  const name = key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  if (name === '') return 'Unnamed';
  return /^[0-9]/.test(name) ? `Page${name}` : name;
}

/** Hands out unique type names: the first wish that is free, else the last one numbered. */
export class TypeNames {
  private readonly taken = new Set<string>(GLOBALS);

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name);
  }

  /** The first of `wishes` not taken yet, or the last with 2, 3, ... appended. */
  claim(...wishes: string[]): string {
    for (const wish of wishes) {
      if (!this.taken.has(wish)) return this.take(wish);
    }
    const last = wishes[wishes.length - 1]!;
    for (let n = 2; ; n++) {
      if (!this.taken.has(`${last}${n}`)) return this.take(`${last}${n}`);
    }
  }

  private take(name: string): string {
    this.taken.add(name);
    return name;
  }
}

/** A property name as written in an interface: bare when it is an identifier, else quoted. */
export function propertyName(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/** A string literal type. */
export function literal(value: string): string {
  return JSON.stringify(value);
}

/** A `/** ... *\/` comment line at `indent`, with anything that would end it early escaped. */
export function docComment(text: string, indent: string): string {
  return `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ')} */`;
}
