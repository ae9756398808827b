using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceConnector.TwilioFake;
using VoiceConnector.TwilioFake.Operations;
using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.Spec;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.Functions.Tests.Twilio.FakeServer;

/// <summary>The fake's answers carry exactly the property names of the spec's schemas, read here straight from the file.</summary>
public sealed class FakeTwilioServerResponseTests : IAsyncLifetime, IDisposable
{
    private static readonly JsonDocument SpecFile = JsonDocument.Parse(File.ReadAllText(SpecFileLocator.Find()));
    private FakeTwilioServer server = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        http = new HttpClient { BaseAddress = server.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(server.AccountSid + ":" + server.AuthToken)));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => http.Dispose();

    private string Account => "/2010-04-01/Accounts/" + server.AccountSid;

    [Theory]
    [InlineData("/IncomingPhoneNumbers.json", "api.v2010.account.incoming_phone_number")]
    [InlineData("/IncomingPhoneNumbers/Local.json", "api.v2010.account.incoming_phone_number.incoming_phone_number_local")]
    [InlineData("/IncomingPhoneNumbers/TollFree.json", "api.v2010.account.incoming_phone_number.incoming_phone_number_toll_free")]
    public async Task BuyNumber_Response_HasExactlyTheSchemaProperties(string path, string schema)
    {
        var phoneNumber = path.Contains("TollFree", StringComparison.Ordinal) ? "+18005550100" : "+14155550100";

        var body = await PostAsync(path, ("PhoneNumber", phoneNumber), ("VoiceUrl", "https://a.example.com/v"));

        Assert.Equal(SchemaProperties(schema), Names(body));
        Assert.Equal(phoneNumber, body["phone_number"]!.GetValue<string>());
        Assert.Equal("https://a.example.com/v", body["voice_url"]!.GetValue<string>());
        Assert.Equal(server.AccountSid, body["account_sid"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateCall_Response_HasExactlyTheCallSchemaProperties()
    {
        await PostAsync("/IncomingPhoneNumbers.json", ("PhoneNumber", "+14155550100"));

        var body = await PostAsync("/Calls.json", ("To", "+16175551212"), ("From", "+14155550100"), ("Url", "https://a.example.com/twiml"));

        Assert.Equal(SchemaProperties("api.v2010.account.call"), Names(body));
        Assert.Equal("queued", body["status"]!.GetValue<string>());
        Assert.Matches(@"^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$", body["date_created"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchLocal_Response_HasTheEnvelopeAndItemSchemaProperties()
    {
        var body = await GetAsync("/AvailablePhoneNumbers/US/Local.json?AreaCode=415&PageSize=2");

        var responseSchema = SpecFile.RootElement.GetProperty("paths")
            .GetProperty("/2010-04-01/Accounts/{AccountSid}/AvailablePhoneNumbers/{CountryCode}/Local.json")
            .GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        Assert.Equal(responseSchema.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal), Names(body));
        var items = body["available_phone_numbers"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(SchemaProperties("api.v2010.account.available_phone_number_country.available_phone_number_local"), Names(items[0]!.AsObject()));
        Assert.StartsWith(Account + "/AvailablePhoneNumbers/US/Local.json?AreaCode=415&PageSize=2&Page=1&PageToken=", body["next_page_uri"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIncomingPhoneNumber_LastPage_HasNoNextPageUri()
    {
        await PostAsync("/IncomingPhoneNumbers.json", ("PhoneNumber", "+14155550100"));

        var body = await GetAsync("/IncomingPhoneNumbers.json?PageSize=1&Page=0");

        Assert.Null(body["next_page_uri"]);
        Assert.Equal(0, body["start"]!.GetValue<long>());
        Assert.Single(body["incoming_phone_numbers"]!.AsArray());
    }

    [Fact]
    public async Task Routing_LiteralPathBeatsSidTemplate()
    {
        await PostAsync("/IncomingPhoneNumbers/Local.json", ("PhoneNumber", "+14155550100"));
        var sid = server.State.Numbers[0].Sid;
        await GetAsync($"/IncomingPhoneNumbers/{sid}.json");

        Assert.Equal(["CreateIncomingPhoneNumberLocal", "FetchIncomingPhoneNumber"], server.Requests.Select(r => r.OperationId));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public void Dispatcher_CoversEveryOperationOfTheSpec()
    {
        var dispatcher = new OperationDispatcher(new FakeTwilioState([]), new ResponseBuilder(server.Spec));

        Assert.Equal(21, server.Spec.Operations.Count);
        Assert.Equal(server.Spec.Operations.Select(o => o.OperationId).Order(StringComparer.Ordinal), dispatcher.OperationIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ResponseBuilder_PropertyTheSchemaLacks_Throws()
    {
        var builder = new ResponseBuilder(server.Spec);
        var schema = server.Spec.Operation("FetchCall").ResponseSchema!;
        var values = ResourceValues.Call(SampleCall(), server.AccountSid);
        values["caller_id"] = "+1";

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(schema, values));
        Assert.Contains("'caller_id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseBuilder_StatusOutsideTheEnum_Throws()
    {
        var builder = new ResponseBuilder(server.Spec);
        var schema = server.Spec.Operation("FetchCall").ResponseSchema!;

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.Build(schema, ResourceValues.Call(SampleCall() with { Status = "answered" }, server.AccountSid)));
        Assert.Contains("not in the spec's enum", error.Message, StringComparison.Ordinal);
    }

    private static FakeCall SampleCall() =>
        new(FakeSids.New("CA"), "+16175551212", "+14155550100", "queued", "outbound-api", null, null, null, "POST", [], null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);

    private static IEnumerable<string> SchemaProperties(string component) =>
        SpecFile.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(component).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Names(JsonObject body) => body.Select(p => p.Key).Order(StringComparer.Ordinal);

    private async Task<JsonObject> GetAsync(string path)
    {
        using var response = await http.GetAsync(new Uri(Account + path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<JsonObject> PostAsync(string path, params (string Name, string Value)[] form)
    {
        using var content = new FormUrlEncodedContent(form.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var response = await http.PostAsync(new Uri(Account + path, UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
