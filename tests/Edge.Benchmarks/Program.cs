using BenchmarkDotNet.Running;

namespace VoiceConnector.Edge.Benchmarks;

/// <summary>Benchmark entry point: <c>dotnet run -c Release --project tests/Edge.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
