using BenchmarkDotNet.Running;
using VoiceConnector.Edge.Benchmarks.Conversation;

namespace VoiceConnector.Edge.Benchmarks;

/// <summary>Benchmark entry point: <c>dotnet run -c Release --project tests/Edge.Benchmarks -- --filter '*'</c>.</summary>
internal static class Program
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ConversationLatencyCommand.Name)
        {
            await ConversationLatencyCommand.RunAsync(args);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
