import { DEVICE_KINDS, LOCALES, ORIENTATIONS } from '#shared/enums';
import { deviceClaim, deviceMove, type DeviceSummary } from '#shared/schemas/devices';
import { moveDevice, pairDevice } from '../data/devices.ts';
import { useI18n } from '../i18n.ts';
import { useBuilding } from '../ui/building.tsx';
import { toast } from '../ui/dialog.tsx';
import { Field, FormError, Input, Select, useForm } from '../ui/form.tsx';

// Pairing (with the code the screen shows) and moving share one form: where a screen stands.
export function DeviceForm(props: { device: DeviceSummary | null; onSaved: () => void }) {
  const { t } = useI18n();
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
      if (await f.run(() => moveDevice(d.id, patch).then(() => undefined))) {
        toast(t('form.saved'));
        props.onSaved();
      }
    } else {
      const claim = f.check(deviceClaim, { ...fields, code: val.code.trim(), kind: val.kind });
      if (!claim) return;
      if (await f.run(() => pairDevice(claim).then(() => undefined))) {
        toast(t('device.paired'));
        props.onSaved();
      }
    }
  };
  return (
    <form onSubmit={submit} noValidate>
      {!d && (
        <div class="form-grid">
          <Field id="d-code" label={t('device.code')} error={f.errors.code}>
            <Input
              id="d-code"
              inputMode="numeric"
              maxLength={6}
              value={val.code}
              onValue={(x) => f.set('code', x)}
              invalid={!!f.errors.code}
            />
          </Field>
          <Field id="d-kind" label={t('device.kind')} error={f.errors.kind}>
            <Select
              id="d-kind"
              value={val.kind}
              options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`device.kind.${k}`) }))}
              onValue={(x) => f.set('kind', x)}
            />
          </Field>
        </div>
      )}
      <Field id="d-name" label={t('device.name')} error={f.errors.name} hint={t('form.optional')}>
        <Input
          id="d-name"
          value={val.name}
          onValue={(x) => f.set('name', x)}
          invalid={!!f.errors.name}
        />
      </Field>
      <div class="form-grid">
        <Field id="d-floor" label={t('device.floor')} error={f.errors.floor}>
          <Select
            id="d-floor"
            value={val.floor}
            placeholder={t('form.choose')}
            options={b.floors.map((x) => ({ value: String(x.number), label: x.label }))}
            onValue={(x) => (f.set('floor', x), f.set('bank', ''))}
          />
        </Field>
        <Field id="d-bank" label={t('device.bank')} error={f.errors.bank}>
          <Select
            id="d-bank"
            value={val.bank}
            placeholder={t('form.none')}
            options={banks.map((x) => ({
              value: String(x.id),
              label: `${x.floor}F ${x.name} (${x.group})`,
            }))}
            onValue={(x) => f.set('bank', x)}
          />
        </Field>
        <Field id="d-group" label={t('device.group')} error={f.errors.group}>
          <Select
            id="d-group"
            value={val.group}
            placeholder={t('form.none')}
            options={b.groups.map((g) => ({ value: g, label: g }))}
            onValue={(x) => f.set('group', x)}
          />
        </Field>
        <Field id="d-orientation" label={t('device.orientation')} error={f.errors.orientation}>
          <Select
            id="d-orientation"
            value={val.orientation}
            options={ORIENTATIONS.map((o) => ({ value: o, label: t(`device.orientation.${o}`) }))}
            onValue={(x) => f.set('orientation', x)}
          />
        </Field>
        <Field id="d-locale" label={t('device.locale')} error={f.errors.locale}>
          <Select
            id="d-locale"
            value={val.locale}
            options={LOCALES.map((l) => ({ value: l, label: l === 'en' ? 'English' : '中文' }))}
            onValue={(x) => f.set('locale', x)}
          />
        </Field>
      </div>
      <FormError error={f.errors.form} />
      <div class="actions">
        <button type="submit" class="primary" disabled={f.busy}>
          {d ? t('form.save') : t('device.pair')}
        </button>
      </div>
    </form>
  );
}
