// librdkafka and its in-memory mock cluster. rdkafka_mock.h must come after rdkafka.h: it uses the
// types rdkafka.h declares but does not include it.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
