import { DEVICE_KINDS, LOCALES, ORIENTATIONS } from '#shared/enums';
import { deviceClaim, deviceMove, type DeviceSummary } from '#shared/schemas/devices';
import { moveDevice, pairDevice } from '../data/devices.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { FormFooter, SelectField, TextField } from '../ui/form-fields.tsx';
import { useForm } from '../ui/form.tsx';

// Pairing (with the code the screen shows) and moving share one form: where a screen stands.
export function DeviceForm(props: { device: DeviceSummary | null; onSaved: () => void }) {
  const { t, g: groupName } = useI18n();
  const b = useBuilding();
  const d = props.device;
  const f = useForm({
    code: '',
    kind: d?.kind ?? 'signage',
    name: d?.name ?? '',
    floor: d?.floor === null || d?.floor === undefined ? '' : String(d.floor),
    bank: d?.bank ? String(d.bank.id) : '',
    group: d?.group ?? '',
    orientation: d?.orientation ?? 'landscape',
    locale: d?.locale ?? 'zh-CN',
  });
  const val = f.values;
  const banks = b.banks.filter((x) => val.floor === '' || x.floor === Number(val.floor));
  const submit = async (e: Event) => {
    e.preventDefault();
    const bank = banks.find((x) => String(x.id) === val.bank);
    const fields = {
      building: b.id,
      name: val.name || undefined,
      floor: val.floor === '' ? undefined : Number(val.floor),
      bank: bank?.id,
      // A bank brings its group; a group picked by hand wins.
      group: val.group || bank?.group || undefined,
      orientation: val.orientation,
      locale: val.locale,
    };
    if (d) {
      const patch = f.check(deviceMove, fields);
      if (!patch) return;
      await f.save(() => moveDevice(d.id, patch), props.onSaved);
    } else {
      const claim = f.check(deviceClaim, { ...fields, code: val.code.trim(), kind: val.kind });
      if (!claim) return;
      await f.save(() => pairDevice(claim), props.onSaved, t('device.paired'));
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {!d && (
        <div class="form-grid">
          <TextField
            form={f}
            name="code"
            id="d-code"
            label={t('device.code')}
            inputMode="numeric"
            maxLength={6}
          />
          <SelectField
            form={f}
            name="kind"
            id="d-kind"
            label={t('device.kind')}
            options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`device.kind.${k}`) }))}
          />
        </div>
      )}
      <TextField
        form={f}
        name="name"
        id="d-name"
        label={t('device.name')}
        hint={t('form.optional')}
      />
      <div class="form-grid">
        <SelectField
          form={f}
          name="floor"
          id="d-floor"
          label={t('device.floor')}
          placeholder={t('form.choose')}
          options={b.floors.map((x) => ({ value: String(x.number), label: x.label }))}
          onValue={(x) => (f.set('floor', x), f.set('bank', ''))}
        />
        <SelectField
          form={f}
          name="bank"
          id="d-bank"
          label={t('device.bank')}
          placeholder={t('form.none')}
          options={banks.map((x) => ({
            value: String(x.id),
            label: `${x.floor}F ${x.name} (${groupName(x.group)})`,
          }))}
        />
        <SelectField
          form={f}
          name="group"
          id="d-group"
          label={t('device.group')}
          placeholder={t('form.none')}
          options={b.groups.map((g) => ({ value: g, label: groupName(g) }))}
        />
        <SelectField
          form={f}
          name="orientation"
          id="d-orientation"
          label={t('device.orientation')}
          options={ORIENTATIONS.map((o) => ({ value: o, label: t(`device.orientation.${o}`) }))}
        />
        <SelectField
          form={f}
          name="locale"
          id="d-locale"
          label={t('device.locale')}
          options={LOCALES.map((l) => ({ value: l, label: l === 'en' ? 'English' : '中文' }))}
        />
      </div>
      <FormFooter form={f} label={d ? t('form.save') : t('device.pair')} />
    </form>
  );
}
