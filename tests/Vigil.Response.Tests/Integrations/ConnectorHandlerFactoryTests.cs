using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Vigil.Response.Integrations;

namespace Vigil.Response.Tests.Integrations;

public sealed class ConnectorHandlerFactoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-mtls-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_MutualTls_CarriesTheClientCertificate()
    {
        var (path, thumbprint) = WriteCertificate("p@ss-Word-1");
        var options = Options(ConnectorAuthentication.MutualTls(path, "p@ss-Word-1"));

        options.Validate().ShouldBeEmpty();
        using var handler = ConnectorHandlerFactory.Create(options);

        handler.ClientCertificateOptions.ShouldBe(ClientCertificateOption.Manual);
        handler.ClientCertificates.Cast<X509Certificate2>().Single().Thumbprint.ShouldBe(thumbprint);
        options.ToString().ShouldNotContain("p@ss-Word-1");
        using var client = new ConnectorClient(options, new FakeTimeProvider());
    }

    [Fact]
    public void Create_WrongPassword_ThrowsWithoutThePassword()
    {
        var (path, _) = WriteCertificate("right-one");

        var ex = Should.Throw<ConnectorConfigurationException>(() => ConnectorHandlerFactory.Create(Options(ConnectorAuthentication.MutualTls(path, "wrong-one"))));

        ex.Message.ShouldContain("client certificate");
        ex.Message.ShouldNotContain("wrong-one");
    }

    [Fact]
    public void Validate_MissingCertificateFile_IsAnError()
    {
        Options(ConnectorAuthentication.MutualTls(Path.Combine(_dir, "none.pfx"), null)).Validate()
            .ShouldContain(e => e.Contains("certificate", StringComparison.Ordinal));
    }

    private (string Path, string Thumbprint) WriteCertificate(string password)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=vigil-test-client", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        var path = Path.Combine(_dir, "client.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return (path, certificate.Thumbprint);
    }

    private static ConnectorOptions Options(ConnectorAuthentication auth) =>
        new() { Name = "edr", BaseUrl = new Uri("https://edr.example.org/api/"), Authentication = auth };
}
