// A local module the checks import: its content is part of the suite hash too.

/** The words of a text. */
export function words(text) {
  return text.split(/\s+/).filter((word) => word !== '');
}
