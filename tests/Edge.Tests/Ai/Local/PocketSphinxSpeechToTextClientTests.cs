using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Media;

#pragma warning disable MEAI001 // the STT/TTS abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Ai.Local;

public sealed class PocketSphinxSpeechToTextClientTests : IDisposable
{
    private readonly FliteTextToSpeechClient _flite = new();
    private readonly PocketSphinxSpeechToTextClient _sphinx = new(Options.Create(new PocketSphinxOptions()));

    [Fact]
    public async Task GetTextAsync_FliteSpeech16kHz_TranscribesKeyWords()
    {
        var wav = await SynthesizeAsync("I would like to speak to an operator please");

        var response = await _sphinx.GetTextAsync(new MemoryStream(wav));

        Assert.Contains("operator", response.Text, StringComparison.Ordinal);
        Assert.Contains("speak", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTextAsync_RawPcmWithSampleRate_TranscribesKeyWords()
    {
        var audio = WavFile.Parse(await SynthesizeAsync("goodbye and thank you"), mixDown: true);
        var raw = new byte[audio.Samples.Length * 2];
        Buffer.BlockCopy(audio.Samples, 0, raw, 0, raw.Length);

        var response = await _sphinx.GetTextAsync(new MemoryStream(raw), new SpeechToTextOptions { SpeechSampleRate = 16000 });

        Assert.Contains("thank you", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTextAsync_GrammarPhrases_ResultIsOneOfThePhrases()
    {
        var wav = await SynthesizeAsync("billing please");
        var options = new SpeechToTextOptions
        {
            AdditionalProperties = new() { [PocketSphinxSpeechToTextClient.GrammarPhrasesKey] = new[] { "billing", "technical support", "operator", "please" } },
        };

        var response = await _sphinx.GetTextAsync(new MemoryStream(wav), options);

        Assert.StartsWith("billing", response.Text, StringComparison.Ordinal);
        Assert.All(response.Text.Split(' '), w => Assert.Contains(w, new[] { "billing", "technical", "support", "operator", "please" }));
    }

    [Fact]
    public async Task GetTextAsync_Silence_ReturnsEmptyOrNoKeyWords()
    {
        var response = await _sphinx.GetTextAsync(new MemoryStream(WavFile.Encode(new short[16000], 16000)));

        Assert.DoesNotContain("operator", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTextAsync_ParallelRequests_PoolServesAll()
    {
        var wav = await SynthesizeAsync("operator");

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _sphinx.GetTextAsync(new MemoryStream(wav))));

        Assert.All(results, r => Assert.Contains("operator", r.Text, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _flite.Dispose();
        _sphinx.Dispose();
    }

    private async Task<byte[]> SynthesizeAsync(string text) =>
        ((DataContent)(await _flite.GetAudioAsync(text)).Contents[0]).Data.ToArray();
}
