using Vigil.Analytics.Behaviour.Context;
using Vigil.Analytics.Behaviour.Settings;

namespace Vigil.Analytics.Behaviour.Models;

/// <summary>Creates the model of each enabled settings file (mapped explicitly, no reflection).</summary>
internal static class BehaviourModelFactory
{
    /// <summary>Creates the models; a model whose settings cannot be used is reported and left out.</summary>
    public static List<BehaviourModel> Create(IEnumerable<ModelSettings> settings, BehaviourContext context, List<ModelError> errors)
    {
        var models = new List<BehaviourModel>();
        foreach (var entry in settings.Where(s => s.Enabled))
        {
            try
            {
                BehaviourModel model = entry.Kind switch
                {
                    "rare-pair" => new RarePairModel(entry, context),
                    "time-profile" => new TimeProfileModel(entry, context),
                    "volume" => new VolumeModel(entry, context),
                    "failed-logon" => new FailedLogonModel(entry, context),
                    "impossible-travel" => new ImpossibleTravelModel(entry, context),
                    "privileged-group" => new PrivilegedGroupModel(entry, context),
                    "user-day-pca" => new UserDayPcaModel(entry, context),
                    _ => throw new ModelSettingsException(entry.File, $"unknown kind '{entry.Kind}'"),
                };
                entry.Parameters.ReportUnread(entry.Kind);
                errors.AddRange(entry.Parameters.Errors);
                models.Add(model);
            }
            catch (ModelSettingsException ex)
            {
                errors.Add(new ModelError(ex.File, 0, 0, ex.Reason + "; the model is not run"));
            }
        }

        return models;
    }
}
