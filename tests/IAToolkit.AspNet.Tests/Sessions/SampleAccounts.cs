using IAToolkit.Testing;

namespace IAToolkit.AspNet.Tests.Sessions;

/// <summary>Sign-up and sign-in on the sample company's pages (it does not verify e-mail).</summary>
internal static class SampleAccounts
{
    public const string Password = "Str0ng!pass";

    public static Task<PageResponse> SignUpAsync(BrowserSession browser, string email, string password = Password)
        => browser.SubmitAsync("/sample_company/signup", "/sample_company/signup", new Dictionary<string, string>
        {
            ["email"] = email, ["first_name"] = "Sam", ["last_name"] = "Ple", ["password"] = password, ["confirm_password"] = password,
        });

    public static Task<PageResponse> LoginAsync(BrowserSession browser, string email, string password = Password)
        => browser.SubmitAsync("/sample_company/login", "/sample_company/login", new Dictionary<string, string> { ["email"] = email, ["password"] = password });

    public static Task<PageResponse> LogoutAsync(BrowserSession browser)
        => browser.SubmitAsync("/sample_company/chat", "/sample_company/logout", new Dictionary<string, string>());
}
