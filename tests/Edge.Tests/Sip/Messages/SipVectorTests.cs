using System.Text;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Tests.Sip.Messages;

/// <summary>Golden vectors in Sip/Vectors (RFC 3261 grammar, RFC 4475-style torture cases) with their expected outcome.</summary>
public sealed class SipVectorTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(VectorDirectory, "manifest.txt")))
        {
            if (line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts.Length > 2 ? parts[2] : string.Empty);
        }

        return data;
    }

    internal static string VectorDirectory => Path.Combine(AppContext.BaseDirectory, "Sip", "Vectors");

    internal static byte[] LoadVector(string file) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(VectorDirectory, file)).Replace("\n", "\r\n", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Parse_GoldenVector_MatchesExpectation(string file, string expectation, string checks)
    {
        var result = SipMessageParser.Parse(LoadVector(file), datagram: true);
        switch (expectation)
        {
            case "valid":
                Assert.True(result.IsValid, file + ": " + result.Error);
                break;
            case "drop":
                Assert.Null(result.Message);
                break;
            default:
                Assert.NotNull(result.Message);
                Assert.NotNull(result.Error);
                Assert.Equal(int.Parse(expectation, System.Globalization.CultureInfo.InvariantCulture), result.ErrorStatus);
                break;
        }

        foreach (var check in checks.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = check.IndexOf('=', StringComparison.Ordinal);
            var key = check[..eq];
            var expected = check[(eq + 1)..].Replace("\\0", "\0", StringComparison.Ordinal);
            Assert.True(Actual(result.Message!, key) == expected, $"{file}: {key} expected '{expected}' got '{Actual(result.Message!, key)}'");
        }
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Serialize_ValidVector_RoundTripsToEquivalentMessage(string file, string expectation, string checks)
    {
        _ = checks;
        if (expectation != "valid")
        {
            return;
        }

        var first = SipMessageParser.Parse(LoadVector(file), datagram: true).Message!;
        var second = SipMessageParser.Parse(first.ToBytes(), datagram: false);
        Assert.True(second.IsValid, file + ": " + second.Error);
        Assert.Equal(first.CallId, second.Message!.CallId);
        Assert.Equal(first.Vias.Count, second.Message.Vias.Count);
        Assert.Equal(first.From!.Tag, second.Message.From!.Tag);
        Assert.Equal(first.Body.ToArray(), second.Message.Body.ToArray());
        Assert.Equal(first.Headers.Count(h => h.Name != SipHeaderNames.ContentLength), second.Message.Headers.Count(h => h.Name != SipHeaderNames.ContentLength));
    }

    private static string? Actual(SipMessage message, string key) => key switch
    {
        "method" => (message as SipRequest)?.Method,
        "status" => (message as SipResponse)?.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "callid" => message.CallId,
        "vias" => message.Vias.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "ruser" => (message as SipRequest)?.ParsedRequestUri?.User,
        "touser" => message.To?.Uri.User,
        "fromuser" => message.From?.Uri.User,
        "fromtag" => message.From?.Tag,
        "totag" => message.To?.Tag ?? string.Empty,
        "fromname" => message.From?.DisplayName,
        "contact" => SipNameAddress.TryParse(message.Headers.GetValues(SipHeaderNames.Contact)[0], out var c) ? c.Uri.ToString() : null,
        "body" => message.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "rport" => message.TopVia?.RPort,
        "received" => message.TopVia?.Received,
        "topbranch" => message.TopVia?.Branch,
        "cseq" => message.CSeq?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException("unknown check " + key),
    };
}
