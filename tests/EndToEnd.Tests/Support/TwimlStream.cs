using System.Xml.Linq;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>The <c>&lt;Connect&gt;&lt;Stream url&gt;</c> of a TwiML answer, with its <c>&lt;Parameter&gt;</c>s.</summary>
internal sealed record TwimlStream(Uri Url, IReadOnlyDictionary<string, string> Parameters)
{
    public static TwimlStream Parse(string twiml)
    {
        var stream = XDocument.Parse(twiml).Descendants("Stream").SingleOrDefault()
            ?? throw new InvalidOperationException("no <Connect><Stream> in: " + twiml);
        var parameters = stream.Elements("Parameter").ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!, StringComparer.Ordinal);
        return new TwimlStream(new Uri((string)stream.Attribute("url")!), parameters);
    }
}
