/**
 * pdfmake set-up shared by the plan PDFs: no network access, and only the standard-14 Helvetica
 * names on the "local" path (STACK gotcha 11). Safe to call many times.
 */
import pdfmake from "pdfmake";

const STANDARD_FONTS = new Set(["Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"]);

let configured = false;

export function configurePdfmake(): typeof pdfmake {
  if (!configured) {
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));
    pdfmake.addFonts({
      Helvetica: {
        normal: "Helvetica",
        bold: "Helvetica-Bold",
        italics: "Helvetica-Oblique",
        bolditalics: "Helvetica-BoldOblique",
      },
    });
    configured = true;
  }
  return pdfmake;
}
