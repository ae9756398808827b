using System.Globalization;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>Command-line options of the Media Streams load test.</summary>
internal sealed record LoadOptions
{
    public int Start { get; init; } = 100;
    public int Step { get; init; } = 250;
    public int Max { get; init; } = 2000;
    public int HoldSeconds { get; init; } = 10;
    public int SettleSeconds { get; init; } = 3;
    public string? EdgePath { get; init; }

    /// <summary>An edge already running (e.g. on another machine, every number answered by the echo agent): its HTTP base URL.</summary>
    public Uri? Target { get; init; }

    /// <summary>The stream URL that edge checks signatures against (its Twilio:MediaStreamUrl); default ws://target/twilio/media.</summary>
    public Uri? StreamUrl { get; init; }
    public bool KeepGoing { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--keep-going")
            {
                options = options with { KeepGoing = true };
                i--;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--start" => options with { Start = Number(value) },
                "--step" => options with { Step = Number(value) },
                "--max" => options with { Max = Number(value) },
                "--hold" => options with { HoldSeconds = Number(value) },
                "--settle" => options with { SettleSeconds = Number(value) },
                "--edge" => options with { EdgePath = value },
                "--target" => options with { Target = new Uri(value) },
                "--stream-url" => options with { StreamUrl = new Uri(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}; use --start --step --max --hold --settle --edge --target --stream-url --keep-going"),
            };
        }

        return options;
    }

    private static int Number(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
