using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Media.Resampling;

// MEAI001: the speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Benchmarks.Ai;

/// <summary>
/// <c>stt-wer</c>: PocketSphinx word error rate on flite speech, wideband (16 kHz) against telephone band (16 kHz
/// resampled to 8 kHz and back, as a G.711 call reaches the recogniser), over a fixed sentence set; plus the 8 kHz
/// case with a grammar made of the set's own sentences (a closed set: what an agent with a known menu of answers can
/// do, not open dictation). flite varies its excitation noise from one synthesis to the next within a process, so
/// each pass hears a slightly different rendition: the report gives the mean and range over passes.
/// </summary>
internal sealed class SttWerCommand : IReportCommand
{
    private static readonly string[] Sentences =
    [
        "I would like to speak to an operator",
        "What are your opening hours",
        "I want to pay my bill",
        "Can you tell me my account balance",
        "My internet connection is not working",
        "Please transfer me to technical support",
        "I need to change my address",
        "Thank you very much goodbye",
        "Is the store open on Sunday",
        "I would like to cancel my order",
        "Can I book an appointment for tomorrow morning",
        "The package never arrived at my house",
    ];

    public string Name => "stt-wer";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var passes = args.Length == 2 && args[0] == "--passes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        using var flite = new FliteTextToSpeechClient();
        using var sphinx = new PocketSphinxSpeechToTextClient(Options.Create(new PocketSphinxOptions { PoolSize = 1 }));
        var grammar = new SpeechToTextOptions { AdditionalProperties = new() { [PocketSphinxSpeechToTextClient.GrammarPhrasesKey] = Sentences } };
        string[] conditions = ["16 kHz", "8 kHz", "8 kHz + grammar"];
        var errors = new int[passes, conditions.Length];
        var decodeTime = new TimeSpan[conditions.Length];
        var cpuTime = new TimeSpan[conditions.Length];
        var referenceWords = 0;
        var audioSeconds = 0.0;
        using var process = Process.GetCurrentProcess();

        await output.WriteLineAsync($"PocketSphinx en-us on flite cmu_us_slt speech: {Sentences.Length} sentences, {passes} passes (transcripts of pass 1)");
        await output.WriteLineAsync();
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var sentence in Sentences)
            {
                var wideband = WavFile.Parse(((DataContent)(await flite.GetAudioAsync(sentence, null, cancellationToken)).Contents[0]).Data.Span, mixDown: true);
                var narrowband = WholeBufferResampler.Resample(WholeBufferResampler.Resample(wideband, 8000), 16000);
                var reference = WordErrorRate.Words(sentence);
                referenceWords += pass == 0 ? reference.Length : 0;
                audioSeconds += wideband.Duration.TotalSeconds;
                (PcmAudio Audio, SpeechToTextOptions? Options)[] runs = [(wideband, null), (narrowband, null), (narrowband, grammar)];
                await WriteIfAsync(pass == 0, output, $"{"reference",-17}{sentence.ToLowerInvariant()}");
                for (var c = 0; c < runs.Length; c++)
                {
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    var text = (await sphinx.GetTextAsync(new MemoryStream(WavFile.Encode(runs[c].Audio.Samples, 16000)), runs[c].Options, cancellationToken)).Text;
                    decodeTime[c] += Stopwatch.GetElapsedTime(started);
                    process.Refresh();
                    cpuTime[c] += process.TotalProcessorTime - cpuBefore;
                    var wordErrors = WordErrorRate.Errors(reference, WordErrorRate.Words(text));
                    errors[pass, c] += wordErrors;
                    await WriteIfAsync(pass == 0, output, $"{conditions[c],-17}{text}  [{wordErrors} errors]");
                }

                await WriteIfAsync(pass == 0, output, "");
            }
        }

        await output.WriteLineAsync($"{"condition",-17}{"WER mean",9}{"min",7}{"max",7}{"words",7}{"RTF wall",10}{"RTF cpu",9}");
        for (var c = 0; c < conditions.Length; c++)
        {
            double sum = 0, min = double.MaxValue, max = 0;
            for (var pass = 0; pass < passes; pass++)
            {
                var wer = 100.0 * errors[pass, c] / referenceWords;
                (sum, min, max) = (sum + wer, Math.Min(min, wer), Math.Max(max, wer));
            }

            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{conditions[c],-17}{sum / passes,8:0.0}%{min,6:0.0}%{max,6:0.0}%{referenceWords,7}{decodeTime[c].TotalSeconds / audioSeconds,10:0.00}{cpuTime[c].TotalSeconds / audioSeconds,9:0.00}"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"audio: {audioSeconds / passes:0.0} s per pass and condition; RTF = decode time / audio time (one decoder; wall clock on a shared machine, and process CPU time)"));
        return 0;
    }

    private static Task WriteIfAsync(bool condition, TextWriter output, string line) =>
        condition ? output.WriteLineAsync(line) : Task.CompletedTask;
}
