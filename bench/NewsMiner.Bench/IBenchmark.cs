namespace NewsMiner.Bench;

/// <summary>One benchmark; found by reflection so each area adds its own file without touching a shared list.</summary>
public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<int> RunAsync(string[] args, CancellationToken ct);
}
