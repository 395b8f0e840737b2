/**
 * Terminal-safe text. A role name or key holding ESC, CSI, OSC, BEL, CR, C1 controls or bidi
 * overrides would, printed raw, retitle or clear the terminal, move the cursor, or make a
 * message read backwards. Each such character is shown as a `\uXXXX` escape instead, which is
 * also a valid JSON escape of the same character, so escaped JSON still parses to the same value.
 */

// C0 controls except TAB and LF, DEL, C1 controls, bidi embeddings, overrides, isolates and marks,
// and the Unicode line and paragraph separators.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const CONTROL_OR_LF = /[\u0000-\u0008\n\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** Colour codes bilat itself writes (`paint`): select graphic rendition only, nothing that moves or retitles. */
const SGR_OR_CONTROL =
  /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` with every control character escaped; line feeds too when `oneLine` (a diagnostic is one line). */
export function escapeControls(text: string, oneLine = false): string {
  return text.replace(oneLine ? CONTROL_OR_LF : CONTROL, escapeOne);
}

/** As escapeControls, but colour codes (ESC [ … m) pass when the output is a colour terminal. */
export function escapeControlsKeepColour(text: string): string {
  return text.replace(SGR_OR_CONTROL, (m) => (m.length > 1 ? m : escapeOne(m)));
}
