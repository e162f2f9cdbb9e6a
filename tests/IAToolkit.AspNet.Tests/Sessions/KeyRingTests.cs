using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Xml.Linq;
using IAToolkit.AspNet.Security;
using IAToolkit.Companies;
using IAToolkit.Configuration;
using IAToolkit.Identity;
using IAToolkit.Redis;
using IAToolkit.Testing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static IAToolkit.AspNet.Tests.Sessions.SampleAccounts;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>
/// The Data Protection key ring in Redis is encrypted with a key derived from IATOOLKIT_SECRET_KEY and kept per
/// application name: reading Redis gives no key, and a cookie made with any other key is refused.
/// </summary>
[Category("Security")]
public sealed class KeyRingTests : DatabaseTest
{
    private const string OtherSecret = "another-secret-key-0123456789abcdef0123456789abcdef";

    [Test]
    public async Task KeyRing_InRedis_HoldsNoPlainKeyMaterial()
    {
        var prefix = NewPrefix();
        await using var factory = new SampleHostFactory(Database.Uri, Settings(prefix));
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "kay@example.com");
        await LoginAsync(browser, "kay@example.com");

        var elements = await RingAsync(prefix + "dataprotection:IAToolkit:keys");

        Assert.That(elements, Is.Not.Empty);
        Assert.That(elements, Has.All.Not.Contains("masterKey"), "no key in the clear");
        Assert.That(elements, Has.All.Contains("iatEncryptedSecret"));
        var encrypted = XElement.Parse(elements[0]).Descendants("iatEncryptedSecret").Single();
        var decrypted = new KeyRingCipher(TestServices.SecretKey).Decrypt(encrypted);
        Assert.That(decrypted.Name.LocalName, Is.EqualTo("masterKey"), "what is stored is the key, encrypted with the secret");
        Assert.That(() => new KeyRingCipher(OtherSecret).Decrypt(encrypted), Throws.InstanceOf<CryptographicException>());
    }

    [Test]
    public async Task Session_FromAHostWithAnotherSecret_IsRefused()
    {
        var prefix = NewPrefix();
        await using var ours = new SampleHostFactory(Database.Uri, Settings(prefix));
        await using var theirs = new SampleHostFactory(Database.Uri, Settings(prefix, secret: OtherSecret));
        using var ourBrowser = ours.BrowserWith(new CookieContainer());
        await SignUpAsync(ourBrowser, "lea@example.com");
        var jar = new CookieContainer();
        using var onTheirs = theirs.BrowserWith(jar);
        var theirLogin = await LoginAsync(onTheirs, "lea@example.com");

        using var replayed = ours.BrowserWith(CookieJars.Copy(jar));
        var page = await replayed.GetAsync("/sample_company/chat");
        using var api = ours.ApiClientWith(CookieJars.Copy(jar));
        using var apiResponse = await api.GetAsync(new Uri("/api/sample_company/prompts", UriKind.Relative));
        var ownLogin = await LoginAsync(ourBrowser, "lea@example.com");

        Assert.That(theirLogin.Location, Is.EqualTo("/sample_company/chat"));
        Assert.That((await onTheirs.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK), "the cookie is good where it was made");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Redirect), "another secret's cookie is not a session here");
        Assert.That(apiResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(ownLogin.Location, Is.EqualTo("/sample_company/chat"), "the other host's keys in the same Redis do not disturb this one");
        Assert.That((await ourBrowser.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await RingAsync(prefix + "dataprotection:IAToolkit:keys"), Has.Count.GreaterThanOrEqualTo(2).And.All.Not.Contains("masterKey"));
    }

    [Test]
    public async Task Form_FromAHostWithAnotherSecret_IsRefused()
    {
        var prefix = NewPrefix();
        await using var ours = new SampleHostFactory(Database.Uri, Settings(prefix));
        await using var theirs = new SampleHostFactory(Database.Uri, Settings(prefix, secret: OtherSecret));
        var jar = new CookieContainer();
        using var onTheirs = theirs.BrowserWith(jar);
        var form = await onTheirs.GetAsync("/sample_company/signup");
        var token = System.Text.RegularExpressions.Regex.Match(form.Html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var onOurs = ours.BrowserWith(CookieJars.Copy(jar));

        var posted = await onOurs.PostAsync("/sample_company/signup", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["email"] = "mo@example.com", ["first_name"] = "Mo", ["last_name"] = "Ra", ["password"] = Password, ["confirm_password"] = Password,
        });

        Assert.That(posted.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(posted.Text, Does.Contain("The form expired"));
    }

    [Test]
    public async Task Session_FromAnotherApplicationName_IsRefused()
    {
        var prefix = NewPrefix();
        await using var ours = new SampleHostFactory(Database.Uri, Settings(prefix));
        await using var theirs = new SampleHostFactory(Database.Uri, Settings(prefix, application: "OtherApp"));
        using var ourBrowser = ours.BrowserWith(new CookieContainer());
        await SignUpAsync(ourBrowser, "ned@example.com");
        var jar = new CookieContainer();
        using var onTheirs = theirs.BrowserWith(jar);
        await LoginAsync(onTheirs, "ned@example.com");

        using var replayed = ours.BrowserWith(CookieJars.Copy(jar));
        var page = await replayed.GetAsync("/sample_company/chat");

        Assert.That((await onTheirs.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await RingAsync(prefix + "dataprotection:OtherApp:keys"), Is.Not.Empty, "each application has its own ring");
    }

    [Test]
    public async Task Session_SignedWithAPlainKeyPlantedInRedis_IsRefused()
    {
        // Someone who can write to Redis (or keys from before the ring was encrypted) puts a key they know in the ring.
        var prefix = NewPrefix();
        using var planted = PlainKeyRing(prefix + "dataprotection:IAToolkit:keys");
        using var legacy = PlainKeyRing(prefix + "dataprotection:keys");
        _ = Forge(planted.GetRequiredService<IDataProtectionProvider>(), new ClaimsPrincipal());
        _ = Forge(legacy.GetRequiredService<IDataProtectionProvider>(), new ClaimsPrincipal());
        Assert.That(await RingAsync(prefix + "dataprotection:IAToolkit:keys"), Has.Some.Contains("masterKey"), "the plain key is really there");

        await using var factory = new SampleHostFactory(Database.Uri, Settings(prefix));
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "ola@example.com");
        var login = await LoginAsync(browser, "ola@example.com");
        var principal = await PrincipalAsync(factory, "ola@example.com");
        using var withPlanted = factory.BrowserWith(CookieJars.WithSession(Forge(planted.GetRequiredService<IDataProtectionProvider>(), principal)));
        using var withLegacy = factory.BrowserWith(CookieJars.WithSession(Forge(legacy.GetRequiredService<IDataProtectionProvider>(), principal)));
        using var withHostKey = factory.BrowserWith(CookieJars.WithSession(Forge(factory.Services.GetRequiredService<IDataProtectionProvider>(), principal)));

        Assert.That(login.Location, Is.EqualTo("/sample_company/chat"), "plain keys in Redis do not break the host");
        Assert.That((await withHostKey.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.OK), "control: the forging method itself is right");
        Assert.That((await withPlanted.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await withLegacy.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task Session_WithoutAStamp_IsRefused()
    {
        // A cookie from before stamps existed, or one whose principal was built without one.
        var prefix = NewPrefix();
        await using var factory = new SampleHostFactory(Database.Uri, Settings(prefix));
        using var browser = factory.BrowserWith(new CookieContainer());
        await SignUpAsync(browser, "pat@example.com");
        var principal = await PrincipalAsync(factory, "pat@example.com");
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.RemoveClaim(identity.FindFirst(IAToolkitAuthentication.StampClaim));
        using var old = factory.BrowserWith(CookieJars.WithSession(Forge(factory.Services.GetRequiredService<IDataProtectionProvider>(), principal)));

        Assert.That((await old.GetAsync("/sample_company/chat")).Status, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public void Cipher_AnotherSecretOrAlteredText_IsRefused()
    {
        var cipher = new KeyRingCipher(TestServices.SecretKey);
        var encrypted = cipher.Encrypt(new XElement("masterKey", new XElement("value", "c2VjcmV0")));
        var bytes = Convert.FromBase64String(encrypted.Element("value")!.Value);
        bytes[^1] ^= 1;
        var altered = new XElement(encrypted.Name, new XElement("value", Convert.ToBase64String(bytes)));

        Assert.That(cipher.Decrypt(encrypted).Element("value")!.Value, Is.EqualTo("c2VjcmV0"));
        Assert.That(encrypted.ToString(), Does.Not.Contain("c2VjcmV0"));
        Assert.That(() => new KeyRingCipher(OtherSecret).Decrypt(encrypted), Throws.InstanceOf<CryptographicException>());
        Assert.That(() => cipher.Decrypt(altered), Throws.InstanceOf<CryptographicException>());
        Assert.That(() => cipher.Decrypt(new XElement("iatEncryptedSecret", new XElement("value", "not base64!"))), Throws.InstanceOf<CryptographicException>());
    }

    private static string NewPrefix() => $"iat-test-{Guid.NewGuid():N}:";

    private static Dictionary<string, string?> Settings(string prefix, string secret = TestServices.SecretKey, string? application = null)
    {
        var settings = new Dictionary<string, string?> { ["IAToolkit:Redis:KeyPrefix"] = prefix, ["IATOOLKIT_SECRET_KEY"] = secret };
        if (application is not null)
        {
            settings["IAToolkit:Security:ApplicationName"] = application;
        }

        return settings;
    }

    private static async Task<List<string>> RingAsync(string key)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisUrl.ToConfigurationOptions(TestServices.RedisUrl));
        return [.. (await redis.GetDatabase().ListRangeAsync(key)).Select(v => v.ToString())];
    }

    /// <summary>A Data Protection ring as an unencrypted host (or an attacker) writes it, in the same Redis.</summary>
    private static ServiceProvider PlainKeyRing(string key)
    {
        var services = new ServiceCollection();
        // Made by the container, so disposed with it.
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisUrl.ToConfigurationOptions(TestServices.RedisUrl)));
        services.AddDataProtection().SetApplicationName("IAToolkit");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<IConnectionMultiplexer>((options, redis) =>
            options.XmlRepository = new Microsoft.AspNetCore.DataProtection.StackExchangeRedis.RedisXmlRepository(() => redis.GetDatabase(), key));
        return services.BuildServiceProvider();
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(SampleHostFactory factory, string email)
    {
        var company = factory.Services.GetRequiredService<ICompanyCatalog>().GetRequired("sample_company");
        var user = await factory.Services.GetRequiredService<UserStore>().FindByEmailAsync(email, CancellationToken.None);
        return SessionPrincipals.ForLocalUser(company, user!);
    }

    /// <summary>A session cookie value, made the way the cookie handler makes one, with the given provider's keys.</summary>
    private static string Forge(IDataProtectionProvider provider, ClaimsPrincipal principal)
    {
        var protector = provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", IAToolkitAuthentication.SessionScheme, "v2");
        return new TicketDataFormat(protector).Protect(new AuthenticationTicket(principal, IAToolkitAuthentication.SessionScheme));
    }
}
