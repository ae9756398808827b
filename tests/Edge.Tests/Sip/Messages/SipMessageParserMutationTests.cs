using System.Diagnostics;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Tests.Sip.Messages;

/// <summary>Randomized mutations of the golden vectors: the parser must return a result (valid or a clean error), never throw or hang.</summary>
public sealed class SipMessageParserMutationTests
{
    private const int Iterations = 20_000;

    [Fact]
    public void Parse_RandomMutations_NeverThrowsAndStaysBounded()
    {
        var random = new Random(20261121);
        var seeds = Directory.GetFiles(SipVectorTests.VectorDirectory, "*.sip")
            .Select(f => SipVectorTests.LoadVector(Path.GetFileName(f))).ToArray();
        var tokens = new[] { "\r\n", "\r\n ", ":", ";", ",", "<", ">", "\"", "%", "%0", "@", "=", "\0", "SIP/2.0", "-1", "99999999999", "z9hG4bK", "[", "]", "\\" }
            .Select(t => System.Text.Encoding.UTF8.GetBytes(t)).ToArray();
        var worst = TimeSpan.Zero;
        var valid = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var data = Mutate(seeds[random.Next(seeds.Length)], random, tokens);
            var watch = Stopwatch.StartNew();
            var datagram = SipMessageParser.Parse(data, datagram: true);
            var frame = SipStreamFramer.NextFrameLength(data);
            watch.Stop();
            worst = watch.Elapsed > worst ? watch.Elapsed : worst;
            Assert.True(datagram.IsValid || datagram.Error is not null);
            Assert.InRange(frame, -1, data.Length);
            if (datagram.IsValid)
            {
                valid++;
                _ = datagram.Message!.ToBytes();
                _ = datagram.Message.Vias;
                _ = datagram.Message.To;
            }
        }

        // Not a timing test: a single parse taking a whole second would mean a pathological (quadratic/looping) path.
        Assert.True(worst < TimeSpan.FromSeconds(1), "slowest parse " + worst);
        Assert.InRange(valid, 1, Iterations - 1);
    }

    private static byte[] Mutate(byte[] seed, Random random, byte[][] tokens)
    {
        var data = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(6))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data.RemoveRange(at, Math.Min(random.Next(1, 20), data.Count - at));
                    break;
                case 2:
                    data.InsertRange(at, tokens[random.Next(tokens.Length)]);
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 80), data.Count - at);
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                default:
                    data.Insert(at, (byte)"\r\n \t;,:"[random.Next(7)]);
                    break;
            }
        }

        return data.ToArray();
    }
}
