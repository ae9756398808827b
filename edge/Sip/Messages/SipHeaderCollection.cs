using System.Collections;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>Headers in wire order. Names are canonical (compact forms expanded); lookups ignore case.</summary>
public sealed class SipHeaderCollection : IEnumerable<SipHeader>
{
    private readonly List<SipHeader> headers = [];

    public int Count => headers.Count;

    public void Add(string name, string value) => headers.Add(new SipHeader(SipHeaderNames.Normalize(name), value));

    /// <summary>First line of that header, or null.</summary>
    public string? this[string name]
    {
        get
        {
            var canonical = SipHeaderNames.Normalize(name);
            foreach (var header in headers)
            {
                if (string.Equals(header.Name, canonical, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }
    }

    public int CountOf(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var count = 0;
        foreach (var header in headers)
        {
            if (string.Equals(header.Name, canonical, StringComparison.OrdinalIgnoreCase))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>All values of a header: every line, each split at top-level commas (list headers only).</summary>
    public IReadOnlyList<string> GetValues(string name)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var split = SipHeaderNames.IsList(canonical);
        var values = new List<string>();
        foreach (var header in headers)
        {
            if (!string.Equals(header.Name, canonical, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (split)
            {
                values.AddRange(SipText.SplitList(header.Value));
            }
            else
            {
                values.Add(header.Value);
            }
        }

        return values;
    }

    /// <summary>Replaces every line of a header with one line (or removes it when value is null).</summary>
    public void Set(string name, string? value)
    {
        var canonical = SipHeaderNames.Normalize(name);
        var index = headers.FindIndex(h => string.Equals(h.Name, canonical, StringComparison.OrdinalIgnoreCase));
        headers.RemoveAll(h => string.Equals(h.Name, canonical, StringComparison.OrdinalIgnoreCase));
        if (value is not null)
        {
            headers.Insert(index < 0 ? headers.Count : index, new SipHeader(canonical, value));
        }
    }

    /// <summary>Replaces the first value of a list header (the top Via) keeping the others.</summary>
    public void ReplaceFirstValue(string name, string value)
    {
        var values = GetValues(name).ToList();
        if (values.Count == 0)
        {
            Add(name, value);
            return;
        }

        values[0] = value;
        var canonical = SipHeaderNames.Normalize(name);
        var index = headers.FindIndex(h => string.Equals(h.Name, canonical, StringComparison.OrdinalIgnoreCase));
        headers.RemoveAll(h => string.Equals(h.Name, canonical, StringComparison.OrdinalIgnoreCase));
        for (var i = 0; i < values.Count; i++)
        {
            headers.Insert(index + i, new SipHeader(canonical, values[i]));
        }
    }

    public void Remove(string name) => Set(name, null);

    public IEnumerator<SipHeader> GetEnumerator() => headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
