using System.Runtime.CompilerServices;

// The crawler's URL and charset tables are internal; the tests walk them directly.
[assembly: InternalsVisibleTo("NewsMiner.Tests")]
