using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Vigil.Server.Feedback;

/// <summary>Registers analyst feedback: the triage scorer (in place of <see cref="DetectorScorer"/>), its trainer and the retraining schedule.</summary>
internal static class FeedbackServiceCollectionExtensions
{
    /// <summary>Adds the triage scorer, trainer and retrainer.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddFeedback(this IServiceCollection services)
    {
        services.AddSingleton<TriageScorer>();
        services.Replace(ServiceDescriptor.Singleton<IAlertScorer>(sp => sp.GetRequiredService<TriageScorer>()));
        services.AddSingleton<TriageTrainer>();
        services.AddHostedService<TriageRetrainer>();
        return services;
    }
}
