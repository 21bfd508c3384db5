// The writing direction of a BCP 47 language tag (`export.lang`), for `dir="rtl"` on exports. A
// fixed list rather than `Intl.Locale`'s text info, whose name changed between V8 versions.

/** Scripts written right to left (ISO 15924), as a tag's script subtag (`ku-Arab`, `pa-Arab`). */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'aran', 'hebr', 'mand', 'mend', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa', 'yezi']);

/** Languages whose usual script is written right to left (`iw` and `ji` are old codes for Hebrew and Yiddish). */
const RTL_LANGUAGES = new Set('ar arc arz bal ckb dv fa glk he iw ji khw ks lrc mzn nqo pnb prs ps sd syr ug ur yi'.split(' '));

/** `rtl` for a tag such as `fa`, `ar-EG`, `he-IL`, `ur` or `az-Arab`; `ltr` otherwise (`fa-Latn` too). */
export function textDirection(lang: string): 'rtl' | 'ltr' {
  const [language = '', ...rest] = lang.trim().toLowerCase().split(/[-_]/);
  // The script comes before any extension (`fa-u-nu-latn` is Persian with Latin digits).
  const singleton = rest.findIndex((subtag) => subtag.length === 1);
  const script = (singleton < 0 ? rest : rest.slice(0, singleton)).find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
