// Replaced by the sequencer suites.
import Testing
