using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using VoiceConnector.TwilioFake.Spec;

namespace VoiceConnector.TwilioFake.Responses;

/// <summary>
/// Builds a list page as Twilio does (<c>Page</c>, <c>PageSize</c>, <c>PageToken</c> in; <c>next_page_uri</c> etc. out),
/// filling only the envelope properties the operation's response schema defines, through <see cref="ResponseBuilder"/>.
/// </summary>
public sealed class PageBuilder(ResponseBuilder responses)
{
    public const int DefaultPageSize = 50;
    private static readonly string[] PagingNames = ["Page", "PageSize", "PageToken"];

    public JsonObject Build(
        SpecOperation operation,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> query,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> items)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(items);
        var schema = operation.ResponseSchema ?? throw new InvalidOperationException(operation.OperationId + " has no response schema");
        var properties = schema["properties"]!.AsObject();
        var listName = properties.First(p => p.Value?["type"]?.GetValue<string>() == "array").Key;
        var pageSize = IntValue(query, "PageSize") ?? DefaultPageSize;
        var page = IntValue(query, "Page") ?? 0;
        var start = page * pageSize;
        var pageItems = items.Skip(start).Take(pageSize).ToList();
        var filters = Filters(query);
        var envelope = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [listName] = pageItems,
            ["uri"] = PageUri(path, filters, pageSize, page, null),
            ["first_page_uri"] = PageUri(path, filters, pageSize, 0, null),
            ["next_page_uri"] = start + pageSize < items.Count ? PageUri(path, filters, pageSize, page + 1, "PT" + (start + pageSize).ToString(CultureInfo.InvariantCulture)) : null,
            ["previous_page_uri"] = page > 0 ? PageUri(path, filters, pageSize, page - 1, "PT" + Math.Max(0, start - pageSize).ToString(CultureInfo.InvariantCulture)) : null,
            ["page"] = page,
            ["page_size"] = pageSize,
            ["start"] = start,
            ["end"] = start + Math.Max(0, pageItems.Count - 1),
        };
        var defined = envelope.Where(e => properties.ContainsKey(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return responses.Build(schema, defined);
    }

    private static int? IntValue(IReadOnlyList<KeyValuePair<string, string>> query, string name)
    {
        foreach (var (key, value) in query)
        {
            if (key == name && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }
        }

        return null;
    }

    private static string Filters(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in query)
        {
            if (Array.IndexOf(PagingNames, key) < 0)
            {
                text.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }
        }

        return text.ToString();
    }

    private static string PageUri(string path, string filters, int pageSize, int page, string? token) =>
        path + "?" + filters + "PageSize=" + pageSize.ToString(CultureInfo.InvariantCulture) + "&Page=" + page.ToString(CultureInfo.InvariantCulture)
        + (token is null ? "" : "&PageToken=" + token);
}
