/** Strings for signing in and out. */
export const messages = {
  "auth.signIn.title": "Sign in",
  "auth.signIn.endedTitle": "You were signed out",
  "auth.signIn.ended":
    "Your session ended: it was left without activity for a while, or someone signed out of this account on every device. Sign in to go back to the page you were on. Anything you typed in a plan is kept on this device and comes back.",
  "auth.signIn.intro": "Sign in with the email address and password your school district gave you.",
  "auth.signIn.email": "Email address",
  "auth.signIn.emailHint": "For example, name@school.org",
  "auth.signIn.password": "Password",
  "auth.signIn.submit": "Sign in",
  "auth.signIn.submitting": "Signing in…",
  "auth.signIn.errorTitle": "We could not sign you in",
  "auth.signIn.emailMissing": "Enter your email address.",
  "auth.signIn.emailInvalid": "Enter an email address with an @, like name@school.org.",
  "auth.signIn.passwordMissing": "Enter your password.",
  "auth.signIn.wrong": "The email address or password is not right. Check them and try again.",
  "auth.signIn.tooMany":
    "{count, plural, one {Too many tries. Wait # minute, then try again.} other {Too many tries. Wait # minutes, then try again.}}",
  "auth.signIn.forgot": "Forgot your password? Ask your school district's Lantern administrator to reset it.",
  "auth.signIn.family":
    "Parents and guardians: your child's school sets up your account. Ask the school office if you do not have one.",
} as const;
