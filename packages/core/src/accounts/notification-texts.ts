/**
 * The words of the messages families receive (in the inbox and by email), in each language
 * Lantern writes to families. A message names the child by first name only, never the plan's
 * contents (FERPA 34 CFR 99.30: an email is not the place for the record). Families get them in
 * their own language where a translation exists (34 CFR 300.503(c), 300.322(e)).
 */
import type { DateLocale } from "../shared/date-format.ts";
import { labelIn } from "../shared/labels-es.ts";

export type FamilyMessageText = { title: string; body: string };

const planName = (planType: string, language: DateLocale) => labelIn("planType", planType, language);

/** A proposal waits for the guardians' signature or consent (34 CFR 300.300, 300.503). */
export function planWaitsText(language: DateLocale, input: { firstName: string; planType: string }): FamilyMessageText {
  const plan = planName(input.planType, language);
  if (language === "es") {
    return {
      title: `El ${plan} de ${input.firstName} espera su respuesta`,
      body: `El equipo de la escuela propuso el ${plan} de ${input.firstName}. Léalo en Lantern y luego fírmelo o dé su consentimiento, o diga con qué no está de acuerdo. Nada entra en vigor sin usted.`,
    };
  }
  return {
    title: `${input.firstName}'s ${plan} waits for you`,
    body: `The school team proposed ${input.firstName}'s ${plan}. Read it in Lantern, then sign it or give your consent, or say what you disagree with. Nothing takes effect without you.`,
  };
}

/** A meeting is scheduled (34 CFR 300.322: early enough, at a time and place agreed on). */
export function meetingScheduledText(
  language: DateLocale,
  input: { firstName: string; planType: string; when: string; location: string; purpose: string },
): FamilyMessageText & { summary: string } {
  const plan = planName(input.planType, language);
  if (language === "es") {
    const summary = `Reunión sobre el ${plan} de ${input.firstName}`;
    return {
      summary,
      title: `${summary}: ${input.when}`,
      body: `La ${summary.charAt(0).toLowerCase()}${summary.slice(1)} es el ${input.when}, en ${input.location}. Propósito: ${input.purpose}. La invitación para su calendario va adjunta al correo.`,
    };
  }
  const summary = `Meeting about ${input.firstName}'s ${plan}`;
  return {
    summary,
    title: `${summary}: ${input.when}`,
    body: `${summary} is set for ${input.when}, at ${input.location}. Purpose: ${input.purpose}. The calendar invitation is attached to the email.`,
  };
}

/** A parent gave an advocate access to the child's record, or ended it (FERPA 34 CFR 99.30). */
export function advocateAccessText(
  language: DateLocale,
  input: { firstName: string; linked: boolean },
): FamilyMessageText {
  const { firstName, linked } = input;
  if (language === "es") {
    return linked
      ? {
          title: `Ahora puede ver el expediente de ${firstName}`,
          body: `Un padre o una madre de ${firstName} le dio acceso al expediente del niño en Lantern.`,
        }
      : {
          title: `Ya no puede ver el expediente de ${firstName}`,
          body: `Un padre o una madre de ${firstName} terminó su acceso al expediente del niño en Lantern.`,
        };
  }
  return linked
    ? {
        title: `You can now see ${firstName}'s record`,
        body: `A parent of ${firstName} gave you access to the child's record in Lantern.`,
      }
    : {
        title: `You can no longer see ${firstName}'s record`,
        body: `A parent of ${firstName} ended your access to the child's record in Lantern.`,
      };
}

/** The end of every notification email: the link, and how to stop the emails. */
export function mailFooterText(language: DateLocale, input: { link: string | null; inboxLink: string }): string[] {
  if (language === "es") {
    return [
      ...(input.link ? [`Ábralo en Lantern: ${input.link}`, ""] : []),
      `Para recibir estos mensajes solo en Lantern, y no por correo electrónico, cambie su preferencia en su bandeja de entrada: ${input.inboxLink}`,
    ];
  }
  return [
    ...(input.link ? [`Open it in Lantern: ${input.link}`, ""] : []),
    `To get these messages in Lantern only, not by email, change your choice in your inbox: ${input.inboxLink}`,
  ];
}
