using System.Reflection;
using NewsMiner.Bench;

// Benchmarks are measurements, not tests: each one prints what it measured and the command that reproduces it.
// Run: dotnet run -c Release --project bench/NewsMiner.Bench -- <name> [args]
var benches = typeof(IBenchmark).Assembly.GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();
if (args.Length == 0 || benches.All(b => b.Name != args[0]))
{
    Console.Error.WriteLine("usage: NewsMiner.Bench <benchmark> [args]");
    foreach (var b in benches) Console.Error.WriteLine($"  {b.Name,-14} {b.Description}");
    return args.Length == 0 ? 0 : 2;
}
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
return await benches.First(b => b.Name == args[0]).RunAsync(args[1..], cts.Token);
