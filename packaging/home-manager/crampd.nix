# home-manager module for crampd: `services.crampd`.
#
#   imports = [ ./crampd.nix ];
#   services.crampd = {
#     enable = true;
#     package = crampd;   # a crampd build (Swift 6; not in nixpkgs yet)
#     settings = {
#       daemon.notify = [ "journal" "desktop" ];
#       reminder = [ { id = "water"; kind = "hydration"; amount = 250; every = "1h"; between = "08:00-20:00"; } ];
#     };
#   };
#
# The units are the package's own (lib/systemd/user, made by packaging/packaged-unit.sh with the
# binary's store path), not a second copy written in Nix. Checked here for balanced syntax only
# (packaging/check.sh): nix is not on the machines this repository is tested on.
{ config, lib, pkgs, ... }:

let
  cfg = config.services.crampd;
  tomlFormat = pkgs.formats.toml { };
  units = "${cfg.package}/lib/systemd/user";
in
{
  options.services.crampd = {
    enable = lib.mkEnableOption "crampd, hydration and electrolyte reminders against muscle cramps";

    package = lib.mkOption {
      type = lib.types.package;
      description = "The crampd package; its lib/systemd/user holds crampd.service and crampd.socket.";
    };

    settings = lib.mkOption {
      type = tomlFormat.type;
      default = { };
      example = lib.literalExpression ''
        {
          daemon.notify = [ "journal" "desktop" ];
          reminder = [ { id = "water"; kind = "hydration"; amount = 250; every = "1h"; between = "08:00-20:00"; } ];
        }
      '';
      description = ''
        The configuration, written as TOML to $XDG_CONFIG_HOME/crampd/config.toml; see
        crampd.toml(5) and `crampd default-config`. Empty: crampd uses its built-in default.
        A change reloads the running daemon (all or nothing: a broken file keeps the old config).
      '';
    };
  };

  config = lib.mkIf cfg.enable {
    assertions = [ (lib.hm.assertions.assertPlatform "services.crampd" pkgs lib.platforms.linux) ];

    home.packages = [ cfg.package ];

    xdg.configFile = {
      "systemd/user/crampd.service".source = "${units}/crampd.service";
      "systemd/user/crampd.socket".source = "${units}/crampd.socket";
      # What `systemctl --user enable crampd.socket crampd.service` would link.
      "systemd/user/default.target.wants/crampd.service".source = "${units}/crampd.service";
      "systemd/user/sockets.target.wants/crampd.socket".source = "${units}/crampd.socket";
      "crampd/config.toml" = lib.mkIf (cfg.settings != { }) {
        source = tomlFormat.generate "crampd-config.toml" cfg.settings;
        onChange = ''
          ${pkgs.systemd}/bin/systemctl --user reload crampd.service 2>/dev/null || true
        '';
      };
    };
  };
}
