using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Media;

#pragma warning disable MEAI001 // the TTS abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Ai.Local;

public sealed class FliteTextToSpeechClientTests
{
    [Fact]
    public async Task GetAudioAsync_Sentence_Returns16kHzWavOfPlausibleLength()
    {
        using var flite = new FliteTextToSpeechClient();

        var response = await flite.GetAudioAsync("Hello, thank you for calling.");

        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/wav", content.MediaType);
        var audio = WavFile.Parse(content.Data.Span, mixDown: true);
        Assert.Equal(16000, audio.SampleRate);
        Assert.InRange(audio.Duration.TotalSeconds, 1.0, 4.0);
        Assert.Contains(audio.Samples, s => Math.Abs((int)s) > 3000);
    }

    [Fact]
    public async Task GetAudioAsync_ConcurrentCalls_AllSucceed()
    {
        using var flite = new FliteTextToSpeechClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => flite.GetAudioAsync($"Number {i}.")));

        Assert.All(results, r => Assert.True(WavFile.Parse(((DataContent)r.Contents[0]).Data.Span, mixDown: true).Samples.Length > 1600));
    }
}
