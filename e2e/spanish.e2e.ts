/**
 * A family reads Lantern in Spanish: Mateo's mother signs in, switches to Español by keyboard
 * (the page becomes lang="es" and stays Spanish on the next page and after a reload), finds her
 * younger child's first IEP waiting for her, reads in Spanish why her consent is asked, gives it and
 * signs by keyboard, and is told in Spanish that her signature is saved (no English interface text
 * left where she signs; the team's words are marked lang="en"); then reads her older child's page, the plan, the service minutes with Spanish plurals and progress, and downloads the
 * Spanish family summary, the full plan and the progress report, whose text is checked with
 * pdftotext. axe scans every page in Spanish.
 */
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { pdfText } from "./harness/pdf-text.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type Journey } from "./harness/types.ts";

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

const SPANISH_DATE =
  /\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}/;

/**
 * Words of Lantern's English interface left in a part of a Spanish page: its text, less what is
 * marked lang="en" (the team's words, as written), checked for English words.
 */
async function englishLeftIn(part: Locator): Promise<string[]> {
  const text = await part.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const english of copy.querySelectorAll("[lang='en']")) english.remove();
    return copy.textContent ?? "";
  });
  return (
    text.match(
      /\b(the|you|your|sign|signed|signature|type|agree|decision|plan is|name|yes|cancel|thank|saved|mother|by|with|password)\b/gi,
    ) ?? []
  );
}

function says(text: string, words: readonly string[], english: readonly string[]): void {
  for (const w of words) assert.ok(text.includes(w), `the PDF says "${w}"`);
  for (const w of english) assert.ok(!text.includes(w), `the PDF does not say "${w}" in English`);
}

export const journeys: Journey[] = [
  {
    name: "a guardian switches to Spanish by keyboard, signs and consents to a plan in Spanish, reads the plan and minutes, and downloads the Spanish family summary, full plan and progress report",
    async run({ page, axe, heading, tabTo, step, focused }) {
      step("sign in as the guardian");
      // As the harness signs in, but another journey on the same server may have recorded Spanish
      // as her language on a child's record (spanish-plan), which opens the app in Spanish: then she
      // starts from English here.
      await page.goto("/sign-in");
      await heading(page, "Sign in");
      await tabTo(page, page.getByLabel("Email address"));
      await page.keyboard.type(DEMO_ACCOUNTS.guardian);
      await tabTo(page, page.getByLabel("Password"));
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await heading(page, /^(My children|Mis hijos)$/);
      if ((await htmlLang(page)) === "es") {
        await tabTo(page, page.getByRole("button", { name: "English" }));
        await page.keyboard.press("Enter");
      }
      await heading(page, "My children");
      assert.equal(await htmlLang(page), "en");

      step("switch to Español with the keyboard");
      const espanol = page.getByRole("button", { name: "Español" });
      assert.equal(await espanol.getAttribute("lang"), "es", "the language's name is marked in its language");
      await tabTo(page, espanol);
      await page.keyboard.press("Enter");
      await heading(page, "Mis hijos");
      assert.equal(await htmlLang(page), "es");
      assert.equal(await page.getByRole("button", { name: "Español" }).getAttribute("aria-pressed"), "true");
      const focus = await focused(page);
      assert.match(focus, /Español/, `focus stays on the language switcher (${focus})`);
      await page.getByRole("navigation", { name: "Idioma" }).waitFor();
      await axe(page, "home in Spanish");

      step("the choice is kept after a reload");
      await page.reload();
      await heading(page, "Mis hijos");
      assert.equal(await htmlLang(page), "es");

      step("her home page says Paloma's plan waits for the family's signature; she opens it by keyboard");
      const paloma = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Paloma Rivera" }) });
      await paloma.getByText("IEP: Propuesto — espera la firma de la familia").waitFor();
      await tabTo(page, page.getByRole("link", { name: "Paloma Rivera" }).first(), { maxPresses: 60 });
      await page.keyboard.press("Enter");
      await heading(page, "Paloma Rivera");
      await tabTo(page, page.getByRole("link", { name: "Ver todos los planes de este estudiante" }), {
        maxPresses: 60,
      });
      await page.keyboard.press("Enter");
      await heading(page, "Planes de Paloma Rivera");
      await tabTo(page, page.getByRole("link", { name: /^IEP — / }).first(), { maxPresses: 60 });
      await page.keyboard.press("Enter");
      await heading(page, "IEP de Paloma Rivera");

      step("she reads, in Spanish, why her consent is asked, gives it and signs by keyboard");
      const sign = page.getByRole("region", { name: "Firmar el plan" });
      await sign.getByTestId("signing-as").getByText("Usted firma como Ana Rivera").waitFor();
      await sign.getByText(/^Este es el primer IEP de Paloma\. .*retirar su consentimiento, por escrito\.$/).waitFor();
      await tabTo(page, sign.getByRole("radio", { name: "Estoy de acuerdo con todo el plan" }), { maxPresses: 120 });
      await page.keyboard.press("Space");
      await tabTo(page, sign.getByLabel(/^Escriba su nombre completo/));
      await page.keyboard.type("Ana Rivera");
      assert.deepEqual(await englishLeftIn(sign), [], "no English left in the signing section");
      assert.equal(await htmlLang(page), "es");
      await axe(page, "signing in Spanish");
      await tabTo(page, sign.getByRole("button", { name: "Firmar", exact: true }));
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "¿Firmar este plan?" });
      await dialog.getByText("Su decisión: Estoy de acuerdo con todo el plan").waitFor();
      assert.deepEqual(await englishLeftIn(dialog), [], "no English left in the confirmation");
      await axe(page, "sign confirmation in Spanish");
      await tabTo(page, dialog.getByRole("button", { name: "Sí, firmar" }));
      await page.keyboard.press("Enter");

      step("she hears, in Spanish, that her signature is saved; the signature is described in Spanish");
      const done = page.getByTestId("signed-note");
      await done.getByText("Gracias. Su firma se guardó.").waitFor();
      await page.waitForFunction(() => document.activeElement?.closest("[data-testid='signed-note']") !== null);
      await page
        .getByTestId("signatures")
        .getByText(/Escrita en la aplicación por Ana Rivera, entró con contraseña/)
        .waitFor();
      assert.deepEqual(await englishLeftIn(done), [], "no English left where she signed");
      assert.deepEqual(await englishLeftIn(page.getByTestId("signatures")), [], "no English in the signatures");
      assert.equal(await htmlLang(page), "es");
      await axe(page, "signed in Spanish");
      await page.goto("/");
      await heading(page, "Mis hijos");

      step("open the child's page by keyboard");
      await tabTo(page, page.getByRole("link", { name: "Mateo Rivera" }).first(), { maxPresses: 60 });
      await page.keyboard.press("Enter");
      await heading(page, "Mateo Rivera");
      await page.getByText("Encargado del caso").first().waitFor();
      await axe(page, "child's page in Spanish");
      const studentPath = new URL(page.url()).pathname;

      step("read the plan");
      await page.goto(`${studentPath}/plans`);
      await heading(page, "Planes de Mateo Rivera");
      await axe(page, "plans in Spanish");
      await tabTo(page, page.getByRole("link", { name: /^IEP — / }).first(), { maxPresses: 60 });
      await page.keyboard.press("Enter");
      await heading(page, "IEP de Mateo Rivera");
      await page.getByRole("heading", { name: "Imprimir o descargar" }).waitFor();
      await axe(page, "plan in Spanish");

      step("the family summary link asks for Spanish; its PDF is in Spanish");
      const summary = page.getByRole("link", { name: "Resumen para la familia (PDF)" });
      const href = (await summary.getAttribute("href")) ?? "";
      assert.match(href, /kind=parent-summary&lang=es/);
      const text = await pdfText(page, href);
      says(
        text,
        [
          "El IEP de Mateo: resumen para la familia",
          "Programa de Educación Individualizado",
          "Sus derechos",
          "garantías procesales",
        ],
        [],
      );
      assert.match(text, SPANISH_DATE);

      step("the full plan link asks for Spanish; its PDF is in Spanish, the team's words as written");
      const full = page.getByRole("link", { name: "El plan completo (PDF)" });
      const fullHref = (await full.getAttribute("href")) ?? "";
      assert.match(fullHref, /kind=full&lang=es/);
      const fullText = await pdfText(page, fullHref);
      says(
        fullText,
        ["Programa de Educación Individualizado (IEP)", "Metas anuales medibles", "Datos del estudiante", "Firmas"],
        ["Measurable annual goals", "Student information", "Date of birth", "Not recorded"],
      );
      assert.match(fullText, SPANISH_DATE);
      assert.match(fullText, /tal como se escribieron, en inglés/);

      step("read the service minutes, with Spanish plurals");
      await page.goto(`${studentPath}/services`);
      await heading(page, "Servicios de Mateo Rivera");
      await page.getByRole("table", { name: /Minutos de cada servicio/ }).waitFor();
      const owed = (await page.getByTestId("owed-total").textContent()) ?? "";
      assert.match(
        owed,
        /(En total, 1 minuto de reposición|En total, [\d.,]+ minutos de reposición|Ahora no se deben minutos)/,
      );
      await axe(page, "service minutes in Spanish");

      step("go to progress by keyboard");
      await tabTo(page, page.getByRole("link", { name: "Ver el progreso en las metas" }), { maxPresses: 120 });
      await page.keyboard.press("Enter");
      await heading(page, "Progreso de Mateo Rivera");
      const goalHeading = page.locator("main h2[lang='en']").first();
      await goalHeading.waitFor();
      await axe(page, "progress in Spanish");

      step("the progress report link asks for Spanish; its PDF is in Spanish");
      const report = page.getByRole("link", { name: "Descargar el informe de progreso (PDF)" });
      const reportHref = (await report.getAttribute("href")) ?? "";
      assert.match(reportHref, /progress-report\.pdf\?lang=es/);
      const reportText = await pdfText(page, reportHref);
      says(reportText, ["Informe de progreso", "Referencias legales"], ["Progress report", "Legal references"]);
      assert.match(reportText, SPANISH_DATE);

      step("switch back to English");
      await tabTo(page, page.getByRole("button", { name: "English" }), { backward: true, maxPresses: 200 });
      await page.keyboard.press("Enter");
      await heading(page, "Progress for Mateo Rivera");
      assert.equal(await htmlLang(page), "en");
    },
  },
];
