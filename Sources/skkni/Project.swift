import Foundation
import SKKNIPipeline

/// Writes to standard error.
func printError(_ text: String) {
    Console.standard.warn(text)
}

/// Prints a line to standard output at once (a pipe would otherwise hold it back).
func say(_ text: String) {
    Console.standard.say(text)
}
