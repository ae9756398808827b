namespace VoiceConnector.Edge.Benchmarks;

/// <summary>
/// A measurement that is not a BenchmarkDotNet benchmark: runs once and prints a report
/// (<c>dotnet run -c Release --project tests/Edge.Benchmarks -- &lt;name&gt;</c>). Found by reflection: add a class, not a switch.
/// </summary>
internal interface IReportCommand
{
    string Name { get; }

    Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken);
}
