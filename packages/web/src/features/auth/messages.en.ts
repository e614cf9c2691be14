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
  "auth.signIn.tooManySeconds":
    "{count, plural, one {Too many tries. Wait # second, then try again.} other {Too many tries. Wait # seconds, then try again.}}",
  "auth.signIn.tooMany":
    "{count, plural, one {Too many tries. Wait # minute, then try again.} other {Too many tries. Wait # minutes, then try again.}}",
  "auth.signIn.forgot": "Forgot your password?",
  "auth.signIn.family":
    "Parents and guardians: your child's school sets up your account. Ask the school office if you do not have one.",
  "auth.secondFactor.verifyTitle": "Enter your code",
  "auth.secondFactor.code": "Code",
  "auth.secondFactor.codeHint":
    "The 6-digit code your authenticator app shows for Lantern. Lost your phone? Enter one of your recovery codes instead.",
  "auth.secondFactor.verifySubmit": "Continue",
  "auth.secondFactor.checking": "Checking…",
  "auth.secondFactor.codeMissing": "Enter the code from your authenticator app, or a recovery code.",
  "auth.secondFactor.codeFormat": "Enter the 6 digits your authenticator app shows.",
  "auth.secondFactor.wrong":
    "That code did not work. Codes change every 30 seconds and each works once: enter the newest one.",
  "auth.secondFactor.expired": "This sign-in took too long. Sign in again with your password.",
  "auth.secondFactor.requiredTitle": "Set up a second step for signing in",
  "auth.secondFactor.requiredIntro":
    "Your school district asks staff to confirm each sign-in with a code from an authenticator app on their phone, because staff can see many students' records.",
  "auth.secondFactor.loading": "Getting a new key…",
  "auth.secondFactor.enrolTitle": "Set up an authenticator app",
  "auth.secondFactor.enrolStep1":
    "Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or 2FAS) and choose to add an account.",
  "auth.secondFactor.enrolStep2": "Scan this QR code, or type the key below into the app.",
  "auth.secondFactor.qrLabel": "QR code with your Lantern key for an authenticator app",
  "auth.secondFactor.keyLabel": "Key:",
  "auth.secondFactor.uriLabel": "Show the key as a link for password managers",
  "auth.secondFactor.enrolStep3": "Enter the 6-digit code the app now shows for Lantern.",
  "auth.secondFactor.firstCode": "Code from the app",
  "auth.secondFactor.enrolSubmit": "Turn on",
  "auth.secondFactor.enrolWrong": "That code did not match. Check the app shows Lantern, then enter the newest code.",
  "auth.secondFactor.recoveryTitle": "Your recovery codes",
  "auth.secondFactor.recoveryIntro":
    "If you lose your phone, each of these codes lets you sign in once. Print them or keep them somewhere safe: this is the only time they are shown.",
  "auth.secondFactor.recoverySaved": "I have saved my recovery codes",
  "auth.security.link": "Account security",
  "auth.security.title": "Account security",
  "auth.security.intro":
    "A second step for signing in: after your password, a code from an authenticator app on your phone. Someone who learns your password still cannot sign in.",
  "auth.security.off": "The second step is off.",
  "auth.security.offRequired": "Your school district requires a second step for staff. Set it up now.",
  "auth.security.on":
    "{count, plural, one {The second step is on. You have # recovery code left.} other {The second step is on. You have # recovery codes left.}}",
  "auth.security.required": "Your school district requires the second step for staff, so it stays on.",
  "auth.security.setUp": "Set up an authenticator app",
  "auth.security.enrolled": "The second step is on. You will enter a code from the app each time you sign in.",
  "auth.security.turnOff": "Turn off the second step",
  "auth.security.turningOff": "Turning off…",
  "auth.security.turnedOff": "The second step is off. You sign in with your password alone.",
  "auth.security.newCodesTitle": "New recovery codes",
  "auth.security.newCodesIntro":
    "Lost your recovery codes, or used most of them? Make new ones. The codes you have now stop working at once.",
  "auth.security.newCodesCode": "Code from your authenticator app",
  "auth.security.newCodesCodeHint": "The 6-digit code the app shows for Lantern now.",
  "auth.security.newCodesMissing": "Enter the 6-digit code from your authenticator app.",
  "auth.security.newCodesSubmit": "Make new recovery codes",
  "auth.security.newCodesSubmitting": "Making new codes…",
  "auth.security.newCodesDone": "Your new recovery codes are saved. The earlier codes no longer work.",
  "auth.sso.button": "Sign in with your district account",
  "auth.sso.refusedTitle": "Signing in with your district account did not work",
  "auth.sso.refused.state": "The sign-in started too long ago or in another window. Try again.",
  "auth.sso.refused.provider": "Your district's sign-in service did not confirm who you are. Try again.",
  "auth.sso.refused.unverified-email":
    "Your district account's email address is not confirmed. Ask your district's IT help desk.",
  "auth.sso.refused.unknown-account":
    "There is no Lantern account for your district email address. Ask your district's Lantern administrator to invite you.",
  "auth.sso.refused.deactivated": "Your Lantern account is turned off. Ask your district's Lantern administrator.",
  "auth.sso.refused.not-staff":
    "Signing in with a district account is for school staff. Sign in with your email address and password.",
} as const;
