using System.Security;
using System.Text;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>The TwiML documents this app answers with (../shared/specs/twiml_and_webhooks.md).</summary>
public static class Twiml
{
    private const string Header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>";
    private const string Footer = "</Response>";

    /// <summary>
    /// <c>&lt;Connect&gt;&lt;Stream url&gt;</c> with <c>&lt;Parameter&gt;</c>s (they reach the edge as
    /// <c>start.customParameters</c>), then <c>&lt;Say&gt;</c> <paramref name="failureMessage"/> and
    /// <c>&lt;Hangup/&gt;</c>: Twilio goes on to them only when the stream's socket closes while the call is still up.
    /// The edge ends calls its agent hung up through the REST API (<c>Status=completed</c>), so only a failed stream
    /// hears the message.
    /// </summary>
    public static string ConnectStream(Uri streamUrl, IEnumerable<KeyValuePair<string, string>> parameters, string failureMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(failureMessage);
        ArgumentNullException.ThrowIfNull(streamUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        var xml = new StringBuilder(Header, 512);
        xml.Append("<Connect><Stream url=\"").Append(Escape(streamUrl.AbsoluteUri)).Append("\">");
        foreach (var (name, value) in parameters)
        {
            xml.Append("<Parameter name=\"").Append(Escape(name)).Append("\" value=\"").Append(Escape(value)).Append("\" />");
        }

        return xml.Append("</Stream></Connect><Say>").Append(Escape(failureMessage)).Append("</Say><Hangup />").Append(Footer).ToString();
    }

    /// <summary><c>&lt;Dial answerOnBridge="true"&gt;&lt;Sip&gt;uri&lt;/Sip&gt;&lt;/Dial&gt;</c>: the caller hears ringing until the SIP side answers.</summary>
    public static string DialSip(string sipUri) =>
        Header + "<Dial answerOnBridge=\"true\"><Sip>" + Escape(sipUri) + "</Sip></Dial>" + Footer;

    /// <summary><c>&lt;Dial&gt;&lt;Number&gt;</c> to an E.164 number.</summary>
    public static string DialNumber(string e164) =>
        Header + "<Dial><Number>" + Escape(e164) + "</Number></Dial>" + Footer;

    /// <summary>A spoken message, then <c>&lt;Hangup/&gt;</c>: the caller never hears dead air.</summary>
    public static string SayAndHangup(string message) =>
        Header + "<Say>" + Escape(message) + "</Say><Hangup />" + Footer;

    private static string Escape(string text) => SecurityElement.Escape(text);
}
