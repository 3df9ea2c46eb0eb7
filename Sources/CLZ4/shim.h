// The LZ4 frame format (lz4frame.h): the container the `lz4` command line tool reads and writes,
// with content checksums. The raw block API (lz4.h) has no framing and is not used directly.
#include <lz4frame.h>
#include <lz4.h>
