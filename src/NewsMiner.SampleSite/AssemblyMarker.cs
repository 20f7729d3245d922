namespace NewsMiner.SampleSite; internal static class AssemblyMarker { }
