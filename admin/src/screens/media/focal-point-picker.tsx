import { useRef, type KeyboardEvent, type MouseEvent } from 'react';
import type { FocalPoint } from '../../../../src/shared/media';

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const round = (n: number) => Math.round(clamp(n) * 1000) / 1000;
const percent = (n: number) => `${Math.round(n * 100)}%`;

/** The point in words, for the label and the hint. */
export function describePoint(point: FocalPoint | null): string {
  return point
    ? `${percent(point.x)} from the left, ${percent(point.y)} from the top`
    : 'not set (crops keep the middle)';
}

/**
 * The image, on which a click sets the focal point (where crops centre); the arrow keys move it
 * (Shift for finer steps). The point shows as a marker; Clear sets it back to none.
 */
export function FocalPointPicker({
  src,
  alt,
  point,
  onChange,
}: {
  src: string;
  alt: string;
  point: FocalPoint | null;
  onChange: (point: FocalPoint | null) => void;
}) {
  const img = useRef<HTMLImageElement>(null);
  const place = (e: MouseEvent<HTMLButtonElement>) => {
    // A click from the keyboard (Enter, Space) has no position: the arrow keys are its way.
    if (e.detail === 0 || !img.current) return;
    const box = img.current.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    onChange({ x: round((e.clientX - box.left) / box.width), y: round((e.clientY - box.top) / box.height) });
  };
  const nudge = (e: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, -1],
      ArrowDown: [0, 1],
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const step = e.shiftKey ? 0.01 : 0.05;
    const from = point ?? { x: 0.5, y: 0.5 };
    onChange({ x: round(from.x + move[0] * step), y: round(from.y + move[1] * step) });
  };
  return (
    <div className="focal">
      <button
        type="button"
        className="focal-picker"
        onClick={place}
        onKeyDown={nudge}
        aria-label={`Focal point: ${describePoint(point)}`}
        aria-describedby="focal-hint"
      >
        <img ref={img} src={src} alt={alt} />
        {point && (
          <span
            className="focal-marker"
            data-testid="focal-marker"
            aria-hidden="true"
            // Set through the CSSOM by React, which the style-src policy allows (no style attribute is parsed).
            style={{ left: `${point.x * 100}%`, top: `${point.y * 100}%` }}
          />
        )}
      </button>
      <div className="focal-row">
        <p id="focal-hint" className="hint">
          Focal point: <strong data-testid="focal-value">{describePoint(point)}</strong>. Click the image where crops
          should centre, or move it with the arrow keys.
        </p>
        <button type="button" className="small" onClick={() => onChange(null)} disabled={!point}>
          Clear focal point
        </button>
      </div>
    </div>
  );
}
