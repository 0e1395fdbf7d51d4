#ifndef BAOXUN_CPCRE2_SHIM_H
#define BAOXUN_CPCRE2_SHIM_H
// The Swift importer does not see -D flags from cSettings, so the code unit width is fixed here.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
