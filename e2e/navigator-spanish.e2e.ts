/**
 * A family uses the navigator in Spanish from start to finish: switches to Español by keyboard on
 * the landing page, answers every question by keyboard, reads the whole result in Spanish (the
 * reasons with their law, what an IEP gives, the next steps: nothing left in English), then writes
 * the IEP-meeting letter in Spanish and downloads it (its PDF text read with pdftotext, its document
 * language es-US), and finally chooses English for the school. axe scans every state with
 * lang="es".
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { readTaggedPdf } from "../packages/server/test/helpers/pdf-reading.ts";
import { pdfToText } from "./harness/pdf-text.ts";
import type { Journey, JourneyContext } from "./harness/types.ts";

type Ctx = JourneyContext;

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** The question's heading has focus once the step shows; the page is Spanish and passes axe. */
async function question(ctx: Ctx, page: Page, title: string): Promise<void> {
  const h2 = page.getByRole("heading", { level: 2, name: title });
  await h2.waitFor();
  assert.ok(
    await h2.evaluate((h) => h === document.activeElement),
    `focus is on the question "${title}" (was ${await ctx.focused(page)})`,
  );
  assert.equal(await htmlLang(page), "es");
  await ctx.axe(page, `navigator in Spanish: ${title}`);
}

/** Picks a radio answer by keyboard: Tab into the group, then arrow keys to the answer. */
async function choose(ctx: Ctx, page: Page, answer: string, group = page.locator("main")): Promise<void> {
  const radios = group.getByRole("radio");
  const target = group.getByRole("radio", { name: answer, exact: true });
  // Tab lands on the group's checked radio, or its first when none is checked.
  const checked = group.getByRole("radio", { checked: true });
  await ctx.tabTo(page, (await checked.count()) > 0 ? checked.first() : radios.first(), { maxPresses: 200 });
  const count = await radios.count();
  for (let i = 0; i < count && !(await target.isChecked()); i++) {
    if (i === 0 && (await target.evaluate((el) => el === document.activeElement))) await page.keyboard.press("Space");
    else await page.keyboard.press("ArrowDown");
  }
  assert.ok(await target.isChecked(), `"${answer}" is chosen`);
}

async function tick(ctx: Ctx, page: Page, answer: string): Promise<void> {
  const box = page.getByRole("checkbox", { name: answer, exact: true });
  await ctx.tabTo(page, box);
  await page.keyboard.press("Space");
  assert.ok(await box.isChecked(), `"${answer}" is ticked`);
}

async function next(ctx: Ctx, page: Page, name = "Siguiente"): Promise<void> {
  await ctx.tabTo(page, page.getByRole("button", { name, exact: true }));
  await page.keyboard.press("Enter");
}

export const journeys: Journey[] = [
  {
    name: "a family answers the navigator in Spanish by keyboard, reads the whole result in Spanish, and downloads the letter in Spanish",
    async run(ctx) {
      const { page, step } = ctx;

      step("switch to Español by keyboard on the landing page");
      await page.goto("/");
      await ctx.heading(page, "Help for students with disabilities at school");
      await ctx.tabTo(page, page.getByRole("button", { name: "Español" }));
      await page.keyboard.press("Enter");
      await ctx.heading(page, "Ayuda en la escuela para estudiantes con discapacidades");
      assert.equal(await htmlLang(page), "es");
      await ctx.axe(page, "landing in Spanish");

      step("open the navigator and start");
      await ctx.tabTo(page, page.getByRole("link", { name: "Averigüe qué ayuda puede recibir su hijo" }));
      await page.keyboard.press("Enter");
      await ctx.heading(page, "Averigüe qué ayuda puede recibir su hijo");
      await ctx.axe(page, "navigator introduction in Spanish");
      await ctx.tabTo(page, page.getByRole("button", { name: "Empezar" }));
      await page.keyboard.press("Enter");

      step("answer every question by keyboard");
      await question(ctx, page, "¿Cuántos años tiene su hijo?");
      await ctx.tabTo(page, page.getByRole("textbox", { name: "Edad en años" }));
      await page.keyboard.type("7");
      await next(ctx, page);

      await question(ctx, page, "¿En qué estado va su hijo a la escuela?");
      const select = page.getByRole("combobox", { name: "Estado" });
      await ctx.tabTo(page, select);
      await page.keyboard.type("California");
      assert.equal(await select.inputValue(), "CA");
      await next(ctx, page);

      await question(ctx, page, "¿La escuela le hizo una evaluación formal a su hijo?");
      await choose(ctx, page, "Sí, ya terminó");
      await next(ctx, page);

      await question(ctx, page, "¿Qué discapacidad o condición tiene su hijo, o podría tener?");
      await ctx.tabTo(page, page.getByRole("textbox", { name: "La condición" }));
      await page.keyboard.type("Dislexia");
      await page.keyboard.press("Enter");

      await question(ctx, page, "¿Cuál de estas la describe mejor?");
      await choose(ctx, page, "Una discapacidad del aprendizaje (como dislexia o discalculia)");
      await next(ctx, page);

      await question(ctx, page, "¿Cuánto tiempo se espera que dure la condición?");
      await choose(ctx, page, "Más de seis meses");
      await next(ctx, page);

      await question(
        ctx,
        page,
        "¿La condición hace que una actividad principal de la vida sea mucho más difícil para su hijo que para la mayoría de los niños?",
      );
      await choose(ctx, page, "Sí");
      await next(ctx, page);

      await question(ctx, page, "¿La condición va y viene, o está en remisión ahora?");
      await choose(ctx, page, "No");
      await next(ctx, page);

      await question(ctx, page, "¿Afecta cómo le va a su hijo en la escuela?");
      await choose(ctx, page, "Sí");
      await next(ctx, page);

      await question(ctx, page, "¿Su hijo necesita enseñanza especialmente diseñada?");
      await choose(ctx, page, "Sí");
      await next(ctx, page);

      await question(ctx, page, "¿Su hijo necesita alguno de estos servicios?");
      await tick(ctx, page, "Ninguno de estos");
      await next(ctx, page);

      await question(ctx, page, "¿Su hijo necesita adaptaciones u otra ayuda para participar en la escuela?");
      await choose(ctx, page, "Sí");
      await next(ctx, page);

      await question(ctx, page, "¿Su hijo hace el trabajo de su grado?");
      await choose(ctx, page, "No");
      await next(ctx, page);

      await question(ctx, page, "¿Su hijo tiene ahora un plan en la escuela?");
      await tick(ctx, page, "Ningún plan");
      await next(ctx, page, "Ver el resultado");

      step("the result is Spanish throughout: the reasons with their law, the plans compared, the next steps");
      const answer = page.getByRole("heading", { level: 2, name: "Un IEP (Programa de Educación Individualizado)" });
      await answer.waitFor();
      assert.ok(await answer.evaluate((h) => h === document.activeElement), "focus is on the answer");
      const reasons = page.getByRole("list").filter({ hasText: "Esto apunta a un IEP" });
      await reasons.waitFor();
      const reasonText = (await reasons.textContent()) ?? "";
      for (const words of [
        "Ley: 34 CFR 300.8(a)(1)",
        "A los 7 años, el estudiante está dentro de las edades de la educación especial según California",
        "La evaluación encontró una discapacidad en una de las categorías de IDEA (discapacidad específica del aprendizaje)",
        "Por la discapacidad, el estudiante necesita enseñanza especialmente diseñada",
        "Ley: 34 CFR 300.8(a)(1); 34 CFR 300.39",
      ])
        assert.ok(reasonText.includes(words), `the reasons say "${words}"`);
      assert.doesNotMatch(reasonText, /\b(the student|school|IDEA's test)\b/, "no reason is left in English");
      await page.getByRole("heading", { level: 2, name: "Lo que un IEP le da a su hijo" }).waitFor();
      await page.getByText("Enseñanza especialmente diseñada: enseñanza que se cambia", { exact: false }).waitFor();
      await page
        .getByRole("heading", { level: 2, name: "Lo que un Plan 504 le daría y no le daría a su hijo" })
        .waitFor();
      await page.getByText("No hay metas anuales que se puedan medir", { exact: false }).waitFor();
      const steps = page.getByRole("list").filter({ hasText: "Pida la reunión del IEP" });
      assert.match((await steps.textContent()) ?? "", /\(34 CFR 300\.323\(c\)\)/, "next steps keep their law");
      const english = await page.locator(".navigator-result [lang='en']").count();
      assert.equal(english, 0, "nothing in the result is marked as English");
      await ctx.axe(page, "navigator result in Spanish");

      step("write the letter: its language is the page's, Spanish");
      await page.getByRole("heading", { level: 2, name: "Cartas para sus próximos pasos" }).waitFor();
      const letterLanguage = page.getByRole("group", { name: "Idioma de la carta" });
      assert.ok(await letterLanguage.getByRole("radio", { name: "En español" }).isChecked(), "Spanish by default");
      for (const [name, value] of [
        [/Su nombre/, "Ana Ejemplo"],
        [/El nombre de su hijo/, "Leo Ejemplo"],
        [/Nombre de la escuela/, "Escuela Primaria Cedar Grove"],
      ] as const) {
        await ctx.tabTo(page, page.getByRole("textbox", { name }), { maxPresses: 200 });
        await page.keyboard.type(value);
      }
      await ctx.tabTo(page, page.getByRole("button", { name: "Mostrar la carta" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      const sheet = page.getByRole("article", { name: "La carta" });
      await sheet.waitFor();
      assert.equal(await sheet.getAttribute("lang"), "es");
      const sheetText = (await sheet.textContent()) ?? "";
      for (const words of [
        "Asunto: Solicitud de una reunión del IEP para Leo Ejemplo",
        "Estimados Director y Coordinador de Educación Especial:",
        "Soy el padre, la madre o el tutor de Leo Ejemplo",
        "dentro de 30 días después de recibir esta solicitud por escrito (Cal. Ed. Code 56343.5)",
        "Por favor, envíeme:",
        "Atentamente,",
      ])
        assert.ok(sheetText.includes(words), `the letter says "${words}"`);
      await ctx.axe(page, "letter in Spanish");

      step("download the letter in Spanish as a PDF");
      await ctx.tabTo(page, page.getByRole("button", { name: "Descargar la carta (PDF)" }));
      const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
      const bytes = readFileSync(await download.path());
      assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-", "the download is a PDF");
      assert.equal(download.suggestedFilename(), "iep-meeting-request-letter.pdf");
      await page.getByText("La carta se descargó.").waitFor();
      assert.equal(readTaggedPdf(bytes).lang, "es-US", "the PDF says it is in Spanish");
      const text = pdfToText(bytes);
      for (const words of [
        "Asunto: Solicitud de una reunión del IEP para Leo Ejemplo",
        "Escuela Primaria Cedar Grove",
        "Por favor, envíeme:",
        "Atentamente,",
        "Padre, madre o tutor de Leo Ejemplo",
        "Referencias legales:",
        "Cal. Ed. Code 56343.5",
      ])
        assert.ok(text.includes(words), `the PDF says "${words}"`);
      assert.match(
        text,
        /\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}/,
        "the PDF's date is written the Spanish way",
      );
      assert.doesNotMatch(text, /Dear |Sincerely|Please send me|I am the parent/, "no English frame is left");
      await ctx.axe(page, "letter downloaded in Spanish");

      step("the family can choose English for the school");
      await choose(ctx, page, "En inglés", letterLanguage);
      await ctx.tabTo(page, page.getByRole("button", { name: "Mostrar la carta" }), { maxPresses: 200 });
      await page.keyboard.press("Enter");
      await sheet.waitFor();
      assert.equal(await sheet.getAttribute("lang"), "en", "the English letter is marked English on the Spanish page");
      assert.ok(((await sheet.textContent()) ?? "").includes("Re: Request for an IEP meeting for Leo Ejemplo"));
      assert.equal(await htmlLang(page), "es");
      await ctx.axe(page, "English letter on the Spanish page");
    },
  },
];
