using BenchmarkDotNet.Running;

namespace VoiceConnector.Edge.Benchmarks;

/// <summary>
/// Benchmark entry point: <c>dotnet run -c Release --project tests/Edge.Benchmarks -- --filter '*'</c>; a first argument
/// naming an <see cref="IReportCommand"/> (e.g. <c>stt-wer</c>) runs that report instead.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = args.Length == 0 ? null : typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IReportCommand).IsAssignableFrom(t))
            .Select(t => (IReportCommand)Activator.CreateInstance(t)!)
            .FirstOrDefault(c => c.Name == args[0]);
        if (command is not null)
        {
            return await command.RunAsync(args[1..], Console.Out, CancellationToken.None);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
