using System.Text;
using System.Text.RegularExpressions;

namespace VoiceConnector.TwilioFake.Spec;

/// <summary>A path template of the spec, e.g. <c>/2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json</c>, matched against request paths.</summary>
public sealed partial class SpecPathTemplate
{
    private readonly Regex pattern;

    public SpecPathTemplate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        var regex = new StringBuilder("^");
        var position = 0;
        foreach (Match parameter in ParameterPattern().Matches(template))
        {
            regex.Append(Regex.Escape(template[position..parameter.Index]));
            regex.Append("(?<").Append(parameter.Groups[1].Value).Append(">[^/]+?)");
            position = parameter.Index + parameter.Length;
            ParameterCount++;
        }

        regex.Append(Regex.Escape(template[position..])).Append('$');
        pattern = new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }

    public string Template { get; }

    /// <summary>Fewer parameters means more literal: <c>IncomingPhoneNumbers/Local.json</c> wins over <c>{Sid}.json</c>.</summary>
    public int ParameterCount { get; }

    public IReadOnlyDictionary<string, string>? Match(string path)
    {
        var match = pattern.Match(path);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in match.Groups.Values)
        {
            if (group.Name != "0")
            {
                values[group.Name] = group.Value;
            }
        }

        return values;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex ParameterPattern();
}
