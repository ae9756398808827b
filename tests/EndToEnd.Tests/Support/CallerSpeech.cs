using System.Diagnostics;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>A caller's words synthesised with the <c>flite</c> command line (slt voice), converted with <c>sox</c>.</summary>
internal static class CallerSpeech
{
    /// <summary>Raw G.711 mu-law at 8 kHz, as a Twilio Media Stream carries it.</summary>
    public static async Task<byte[]> MuLaw8kAsync(string text, string folder)
    {
        var wav = await FliteAsync(text, folder);
        var raw = Path.ChangeExtension(wav, ".ul");
        await RunAsync("sox", [wav, "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", raw]);
        return await File.ReadAllBytesAsync(raw);
    }

    /// <summary>
    /// A 16 kHz mono WAV for a softphone: <paramref name="leadSeconds"/> of silence (the greeting plays meanwhile),
    /// then each utterance followed by <paramref name="gapSeconds"/> of silence (the agent answers meanwhile).
    /// </summary>
    public static async Task<string> ConversationWavAsync(string folder, double leadSeconds, double gapSeconds, params string[] utterances)
    {
        var parts = new List<string> { await SilenceAsync(folder, "lead", leadSeconds) };
        var gap = await SilenceAsync(folder, "gap", gapSeconds);
        foreach (var utterance in utterances)
        {
            parts.Add(await FliteAsync(utterance, folder));
            parts.Add(gap);
        }

        var output = Path.Combine(folder, "caller.wav");
        await RunAsync("sox", [.. parts, "-r", "16000", "-c", "1", "-b", "16", output]);
        return output;
    }

    private static async Task<string> FliteAsync(string text, string folder)
    {
        var wav = Path.Combine(folder, "say-" + Guid.NewGuid().ToString("N")[..8] + ".wav");
        await RunAsync("flite", ["-voice", "slt", "-t", text, "-o", wav]);
        return wav;
    }

    private static async Task<string> SilenceAsync(string folder, string name, double seconds)
    {
        var wav = Path.Combine(folder, name + ".wav");
        await RunAsync("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", wav, "trim", "0", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return wav;
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await error}");
        }
    }
}
