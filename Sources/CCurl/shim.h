// libcurl's easy interface. curl_easy_setopt and curl_easy_getinfo are variadic, so Swift cannot call
// them: these non-variadic wrappers take one argument kind each, the kind libcurl reads for the
// option (long, pointer, callback, curl_off_t). Passing an option the wrong kind is undefined
// behaviour in C, so each call site must pick the wrapper the option's CURLOPTTYPE names.
#include <curl/curl.h>

static inline CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value) {
  return curl_easy_setopt(handle, option, value);
}

static inline CURLcode ccurl_easy_setopt_write_callback(
  CURL *handle, CURLoption option, curl_write_callback callback) {
  return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

// CURL_GLOBAL_DEFAULT is a macro of other macros; a constant makes it visible to Swift for sure.
static const long ccurl_global_default = CURL_GLOBAL_DEFAULT;
