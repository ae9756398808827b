using VoiceConnector.Edge.Media.Codecs;

namespace VoiceConnector.Edge.Tests.Media.Codecs;

public sealed class G711Tests
{
    [Fact]
    public void MuLawEncode_All65536Inputs_MatchG191Reference()
    {
        for (var value = short.MinValue; value <= short.MaxValue; value++)
        {
            Assert.Equal(G191Reference.UlawCompress((short)value), MuLaw.Encode((short)value));
            if (value == short.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void ALawEncode_All65536Inputs_MatchG191Reference()
    {
        for (int value = short.MinValue; value <= short.MaxValue; value++)
        {
            Assert.Equal(G191Reference.AlawCompress((short)value), ALaw.Encode((short)value));
        }
    }

    [Fact]
    public void Decode_All256Codes_MatchG191Reference()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(G191Reference.UlawExpand(code), MuLaw.Decode((byte)code));
            Assert.Equal(G191Reference.AlawExpand(code), ALaw.Decode((byte)code));
        }
    }

    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    [InlineData(1000, 0xCE)]
    public void MuLawEncode_KnownValues_GiveKnownCodes(short linear, int code) => Assert.Equal(code, MuLaw.Encode(linear));

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALawEncode_KnownValues_GiveKnownCodes(short linear, int code) => Assert.Equal(code, ALaw.Encode(linear));

    [Theory]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0x80, 32124)]
    [InlineData(0x00, -32124)]
    public void MuLawDecode_KnownCodes_GiveKnownValues(int code, short linear) => Assert.Equal(linear, MuLaw.Decode((byte)code));

    [Theory]
    [InlineData(0xD5, 8)]
    [InlineData(0x55, -8)]
    [InlineData(0xAA, 32256)]
    [InlineData(0x2A, -32256)]
    public void ALawDecode_KnownCodes_GiveKnownValues(int code, short linear) => Assert.Equal(linear, ALaw.Decode((byte)code));

    [Fact]
    public void EncodeDecode_Spans_RoundTripEveryCode()
    {
        var codes = Enumerable.Range(0, 256).Select(c => (byte)c).ToArray();
        var linear = new short[256];
        var again = new byte[256];

        MuLaw.Decode(codes, linear);
        MuLaw.Encode(linear, again);
        // Both zero codes (0x7F and 0xFF) decode to 0, which encodes as 0xFF.
        Assert.Equal(codes.Select(c => c == 0x7F ? (byte)0xFF : c), again);

        ALaw.Decode(codes, linear);
        Assert.Equal(256, ALaw.Encode(linear, again));
        Assert.Equal(codes, again);
    }
}
