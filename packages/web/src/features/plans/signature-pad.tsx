import { type PointerEvent, useRef, useState } from "react";
import { Button } from "../../components/ui/index.ts";
import { t } from "../../i18n/t.ts";

const WIDTH = 400;
const HEIGHT = 120;

/**
 * An optional drawn signature, kept as SVG path data (what the server stores and the PDF draws).
 * Drawing needs a pointer; typing one's name signs just as well, so keyboard users lose nothing.
 */
export function SignaturePad({ value, onChange }: { value: string; onChange: (path: string) => void }) {
  const drawing = useRef(false);
  const svg = useRef<SVGSVGElement>(null);
  const [path, setPath] = useState(value);

  function point(event: PointerEvent<SVGSVGElement>): string {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return "0 0";
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    const y = ((event.clientY - box.top) / box.height) * HEIGHT;
    return `${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  function update(next: string) {
    setPath(next);
    onChange(next);
  }

  return (
    <div className="signature-pad">
      <p id="signature-pad-label">{t("plans.sign.drawLabel")}</p>
      <svg
        ref={svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        style={{ maxWidth: `${WIDTH}px`, border: "1px solid #555", touchAction: "none", background: "#fff" }}
        role="img"
        aria-labelledby="signature-pad-label"
        data-testid="signature-pad"
        onPointerDown={(e) => {
          drawing.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          update(`${path} M${point(e)}`.trim());
        }}
        onPointerMove={(e) => {
          if (drawing.current) update(`${path} L${point(e)}`);
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      >
        <title>{t("plans.sign.drawLabel")}</title>
        {path ? <path d={path} fill="none" stroke="#111" strokeWidth="2" /> : null}
      </svg>
      {path ? (
        <Button variant="link" onClick={() => update("")}>
          {t("plans.sign.clearDrawing")}
        </Button>
      ) : null}
    </div>
  );
}
