using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Vigil.Response.Integrations;

/// <summary>Creates the HTTP handler a connector sends through, carrying its client certificate for mutual TLS.</summary>
internal static class ConnectorHandlerFactory
{
    /// <summary>Creates the handler.</summary>
    /// <param name="options">Valid options.</param>
    /// <returns>The handler; the caller owns it.</returns>
    /// <exception cref="ConnectorConfigurationException">The client certificate cannot be loaded (the message holds no password).</exception>
    public static HttpClientHandler Create(ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        if (options.Authentication.Kind == ConnectorAuthKind.MutualTls)
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.Authentication.CertificatePath!, options.Authentication.Secret);
                handler.ClientCertificateOptions = ClientCertificateOption.Manual;
                handler.ClientCertificates.Add(certificate);
            }
            catch (CryptographicException ex)
            {
                handler.Dispose();
                throw new ConnectorConfigurationException($"connector '{options.Name}': cannot load the client certificate {Path.GetFileName(options.Authentication.CertificatePath)} (wrong password or not PKCS#12)", ex);
            }
        }

        return handler;
    }
}
