using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Ai.Auth;
using VoiceConnector.Edge.Tests.Ai.Http;

namespace VoiceConnector.Edge.Tests.Ai.Auth;

public sealed class IdTokenHandlerTests
{
    private const string Audience = "https://whisper-abc123-uc.a.run.app";
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<string> _authorizations = new();

    [Fact]
    public async Task SendAsync_RepeatedRequests_OneTokenForTheAudienceReused()
    {
        var source = new CountingTokenSource(_time);
        await using var server = await StartAsync();
        using var http = Client(source);

        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync(new Uri("check", UriKind.Relative))).Dispose();
        }

        Assert.Equal(1, source.Minted);
        Assert.Equal(Audience, source.LastAudience);
        Assert.All(_authorizations, a => Assert.Equal("Bearer token-1", a));
        Assert.Equal(3, _authorizations.Count);
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_RefreshedBeforeUse()
    {
        var source = new CountingTokenSource(_time);
        await using var server = await StartAsync();
        using var http = Client(source);

        (await http.GetAsync(new Uri("check", UriKind.Relative))).Dispose();
        _time.Advance(TimeSpan.FromMinutes(54));
        (await http.GetAsync(new Uri("check", UriKind.Relative))).Dispose();
        _time.Advance(TimeSpan.FromMinutes(2));
        (await http.GetAsync(new Uri("check", UriKind.Relative))).Dispose();

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _authorizations.ToArray());
    }

    [Fact]
    public async Task SendAsync_ConcurrentRequestsOnColdCache_ShareOneRefresh()
    {
        var source = new CountingTokenSource(_time) { Delay = TimeSpan.FromMilliseconds(200) };
        await using var server = await StartAsync();
        using var http = Client(source);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync(new Uri("check", UriKind.Relative))));

        Assert.Equal(1, source.Minted);
        Assert.Equal(5, _authorizations.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task SendAsync_SourceFails_ThrowsAiServiceExceptionAndSendsNothing()
    {
        var source = new CountingTokenSource(_time) { Fail = true };
        await using var server = await StartAsync();
        using var http = Client(source);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => http.GetAsync(new Uri("check", UriKind.Relative)));

        Assert.Contains("metadata server unreachable", e.Message, StringComparison.Ordinal);
        Assert.Empty(_authorizations);
    }

    [Fact]
    public void ReadExpiry_Jwt_ReturnsExpClaim()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"aud":"x","exp":1767272400}""")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var expiry = GoogleIdTokenSource.ReadExpiry($"eyJhbGciOiJSUzI1NiJ9.{payload}.c2ln");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767272400), expiry);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.e30.c")]
    public void ReadExpiry_NoExp_ThrowsFormatException(string jwt)
    {
        Assert.Throws<FormatException>(() => GoogleIdTokenSource.ReadExpiry(jwt));
    }

    [Fact]
    public void ToString_IdToken_DoesNotRevealTheToken()
    {
        Assert.DoesNotContain("secret-value", new IdToken("secret-value", _time.GetUtcNow()).ToString(), StringComparison.Ordinal);
    }

    private HttpClient Client(IIdTokenSource source) =>
        new(new IdTokenHandler(source, Audience, _time) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = _base };

    private Uri? _base;

    private async Task<LocalHttpServer> StartAsync()
    {
        var server = await LocalHttpServer.StartAsync(app => app.MapGet("/check", (HttpContext c) =>
        {
            _authorizations.Enqueue(c.Request.Headers.Authorization.ToString());
            return Results.Ok();
        }));
        _base = server.BaseUri;
        return server;
    }
}
