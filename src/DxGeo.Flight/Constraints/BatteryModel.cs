using DxGeo.Core.Errors;

namespace DxGeo.Flight.Constraints;

/// <summary>
/// Flight-time budget of one battery: endurance less a reserve (default 25 %). Time estimates: horizontal legs at
/// cruise (transits) or line speed (photo lines), vertical legs at the climb speed both ways, a fixed loss per
/// photo line (turn), and a hover per photo when capturing at waypoints.
/// </summary>
public sealed class BatteryModel
{
    public BatteryModel(double enduranceS, double reservePct, double cruiseSpeedMps, double climbSpeedMps,
        double turnPenaltyS = 4, double hoverPerPhotoS = 2)
    {
        if (!(enduranceS > 0)) throw new DxGeoException($"endurance must be positive (got {enduranceS / 60:0.#} min)");
        if (!(reservePct >= 0 && reservePct < 100)) throw new DxGeoException($"battery reserve must be in [0, 100) % (got {reservePct})");
        if (!(cruiseSpeedMps > 0)) throw new DxGeoException($"cruise speed must be positive (got {cruiseSpeedMps} m/s)");
        if (!(climbSpeedMps > 0)) throw new DxGeoException($"climb speed must be positive (got {climbSpeedMps} m/s)");
        EnduranceS = enduranceS; ReservePct = reservePct; CruiseSpeedMps = cruiseSpeedMps; ClimbSpeedMps = climbSpeedMps;
        TurnPenaltyS = turnPenaltyS; HoverPerPhotoS = hoverPerPhotoS;
    }

    public double EnduranceS { get; }
    public double ReservePct { get; }
    public double CruiseSpeedMps { get; }
    public double ClimbSpeedMps { get; }
    public double TurnPenaltyS { get; }
    public double HoverPerPhotoS { get; }

    /// <summary>Flight time one sortie may use.</summary>
    public double BudgetS => EnduranceS * (1 - ReservePct / 100.0);

    public double TransitS(double horizontalM, double verticalM) => horizontalM / CruiseSpeedMps + Math.Abs(verticalM) / ClimbSpeedMps;

    public double LineS(double flownM, double lineSpeedMps, int photos, bool hoverPerPhoto) =>
        flownM / lineSpeedMps + TurnPenaltyS + (hoverPerPhoto ? photos * HoverPerPhotoS : 0);
}
