using System.Security.Cryptography;

namespace VoiceConnector.Functions.Storage;

/// <summary>Random, prefixed ids (e.g. <c>agt_3f9c...</c>): the prefix names the resource.</summary>
public static class Ids
{
    public static string New(string prefix) => prefix + "_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
